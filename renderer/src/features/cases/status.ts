/** Case statuses with a label in i18n (`cases.statuses.*`); an unknown status is shown raw. */
export const caseStatuses = [
  'received',
  'checking',
  'deficient',
  'accepted',
  'deciding',
  'responding',
  'closed',
  'withdrawn',
  'refused',
] as const;

export type CaseStatus = (typeof caseStatuses)[number];

export const isCaseStatus = (status: string): status is CaseStatus =>
  (caseStatuses as readonly string[]).includes(status);

/** Open work in colour, finished cases in grey, refusals in red. */
export const statusColors: Record<CaseStatus, string> = {
  received: 'blue',
  checking: 'cyan',
  deficient: 'orange',
  accepted: 'teal',
  deciding: 'violet',
  responding: 'indigo',
  closed: 'gray',
  withdrawn: 'gray',
  refused: 'red',
};
