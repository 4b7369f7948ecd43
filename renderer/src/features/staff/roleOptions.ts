import type { TFunction } from 'i18next';
import { roles } from '@shared/roles';

/** NativeSelect options; values are the contract's role names so tests can select them. */
export const roleOptions = (t: TFunction) => roles.map((role) => ({ value: role, label: t(`roles.${role}`) }));
