// Calendar dates as the users live them: Asia/Shanghai (DESIGN §4), whatever the server's zone.
const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** `YYYY-MM-DD` of an instant in Asia/Shanghai. */
export const shanghaiDate = (at: Date): string => SHANGHAI_DAY.format(at);
