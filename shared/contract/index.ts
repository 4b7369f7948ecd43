export * from './channels';
export * from './types';
export * from './api';
