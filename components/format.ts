// Display formats (DESIGN §8): dates YYYY-MM-DD, times in Asia/Shanghai, amounts ¥1,234.56.

const TZ = 'Asia/Shanghai';

const parts = (d: Date) => {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return Object.fromEntries(f.formatToParts(d).map((p) => [p.type, p.value])) as Record<string, string>;
};

export const formatDate = (d: Date | null | undefined): string => {
  if (!d) return '—';
  const p = parts(d);
  return `${p.year}-${p.month}-${p.day}`;
};

export const formatDateTime = (d: Date | null | undefined): string => {
  if (!d) return '—';
  const p = parts(d);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
};

/** Integer fen to ¥ with two decimals; never through floating point. */
export const formatFen = (fen: bigint | number): string => {
  const v = BigInt(fen);
  const sign = v < 0n ? '-' : '';
  const abs = v < 0n ? -v : v;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${sign}¥${yuan}.${cents}`;
};
