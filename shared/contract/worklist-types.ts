import type { CaseListFilter } from '../domain/case-list';
import type { Role } from '../roles';

/** Someone who may be in charge of a case (#13 item 2a). */
export interface Assignee {
  id: string;
  displayName: string;
  role: Role;
}

/** A filter a staff member named and saved for a list (#13 item 1). */
export interface SavedFilter {
  id: string;
  list: 'cases';
  name: string;
  filter: CaseListFilter;
  createdAt: string;
}
