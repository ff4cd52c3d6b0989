import { CalendarScreen } from '@/components/staff/calendar-screen';
import { shanghaiDate } from '@/lib/dates';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const CalendarPage = async ({ searchParams }: { searchParams: Promise<{ year?: string }> }) => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('calendar.read')) return <Forbidden />;
  const asked = Number((await searchParams).year);
  const year =
    Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : Number(shanghaiDate(new Date()).slice(0, 4));
  return <CalendarScreen canManage={me.permissions.includes('calendar.manage')} initialYear={year} />;
};

export default withMessages(CalendarPage, 'staff/calendar/page');
