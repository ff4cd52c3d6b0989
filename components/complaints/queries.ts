import type { ComplaintCategory, ComplaintStatus } from '@/lib/enums';

export type ComplaintFilters = {
  status?: ComplaintStatus | '';
  category?: ComplaintCategory | '';
  isOverdueOnly?: boolean;
};

/** The filters of the complaints list as the list and its export take them. */
export const complaintFilters = ({ status = '', category = '', isOverdueOnly = false }: ComplaintFilters = {}) => ({
  ...(status ? { status } : {}),
  ...(category ? { category } : {}),
  ...(isOverdueOnly ? { isOverdueOnly } : {}),
});

/** The complaints list of each portal (complaint-list.tsx). */
export const complaintsInput = (filters: ComplaintFilters = {}) => ({ limit: 30, ...complaintFilters(filters) });
