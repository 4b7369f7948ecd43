/**
 * Verification of paper applications (I3, I4, D1-D5, D7, F1, F3, R3): pure rules, no I/O.
 * runChecklist(input) gives every result in a fixed order; deficiencyList turns the failures
 * into the notice's list (R5).
 */
export * from './types';
export * from './date-rules';
export * from './matching';
export * from './completeness';
export * from './identity-documents';
export * from './agents';
export * from './fees';
export * from './repeat-requests';
export * from './checklist';
export * from './resubmission';
