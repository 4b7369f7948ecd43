import i18n from 'i18next';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { config, type z } from 'zod';
import { contract, type ChannelName } from '@shared/contract';

/**
 * Forms validate with the contract's own zod schemas (issue #13 item 11c): the client runs the
 * very schema the dispatcher runs, so a form cannot accept what the server refuses, nor the
 * reverse. A form takes `contractSchema('staff.add')` (or `.pick({...})` of it for the fields
 * it shows) and passes `contractValidate(schema)` to @mantine/form's `validate`.
 *
 * zod's own messages are English sentences; here they come from i18n (`forms.errors.*`) in the
 * language shown: built-in issues through zod's global error map, and the contract's named
 * refinements ('text', 'postal_code', …) by their name.
 */
export function contractSchema<C extends ChannelName>(channel: C): (typeof contract)[C]['input'] {
  return contract[channel].input;
}

const NAMED = /^[a-z][a-z_]*$/;

export function contractValidate<S extends z.ZodType>(schema: S) {
  const resolve = zod4Resolver(schema);
  return (values: Record<string, unknown>): Record<string, string> => {
    const errors = resolve(values) as Record<string, string>;
    return Object.fromEntries(Object.entries(errors).map(([path, message]) => [path, NAMED.test(message) ? i18n.t(`forms.errors.${message}`, { defaultValue: i18n.t('forms.errors.invalid') }) : message]));
  };
}

type Issue = { code?: string; origin?: string; minimum?: unknown; maximum?: unknown; input?: unknown };

// Localised messages for zod's built-in issues (renderer only; the services keep codes).
config({
  customError: (issue: Issue) => {
    const t = i18n.t.bind(i18n);
    switch (issue.code) {
      case 'too_small':
        if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? t('forms.errors.required') : t('forms.errors.tooShort', { min: Number(issue.minimum) });
        return t('forms.errors.tooLow', { min: Number(issue.minimum) });
      case 'too_big':
        return issue.origin === 'string' ? t('forms.errors.tooLong', { max: Number(issue.maximum) }) : t('forms.errors.tooHigh', { max: Number(issue.maximum) });
      case 'invalid_type':
        return issue.input === undefined || issue.input === '' ? t('forms.errors.required') : t('forms.errors.invalid');
      default:
        return t('forms.errors.invalid');
    }
  },
});
