import { useForm } from '@mantine/form';
import i18n from 'i18next';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useMemo, type FormEvent } from 'react';
import { config, type z } from 'zod';
import { contract, type ChannelName } from '@shared/contract';
import type { KaijiErrorInfo } from '@shared/result';

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

type Errors = Record<string, string>;

export interface ContractFormOptions<V extends object, S extends z.ZodType> {
  /** The channel's own input schema (`contractSchema(...)`, or a `.pick` of it). */
  schema: S;
  initialValues: V;
  /**
   * The channel's input made from what the fields hold (a typed era date read to ISO, an option
   * left out when its field is hidden). Fields are named like the input's keys, so the schema's
   * issue paths are the fields' paths. Defaults to the values themselves.
   */
  toInput?: (values: V) => unknown;
  /** What no schema of one channel can say (a confirmation that must match, a row to pick); its message wins at its field. */
  rules?: (values: V) => Record<string, string | false | null | undefined>;
  /**
   * The field that shows a schema issue's path, when the input's shape is not the fields' (a
   * letter's paragraphs typed in one box: `draft.body.3` → `draft.body`). Defaults to the path.
   */
  fieldOf?: (path: string) => string;
}

/**
 * The one way a form that submits to a channel is built (#13 item 11c): @mantine/form whose
 * validation is the channel's zod schema run over `toInput(values)`, plus `rules`. `submit(h)`
 * refuses with every message at its field and the first refused field focused (the keyboard
 * stays where the fix is), and otherwise calls `h` with the schema's own output: exactly what
 * the dispatcher will parse again.
 */
export function useContractForm<V extends object, S extends z.ZodType>({ schema, initialValues, toInput, rules, fieldOf }: ContractFormOptions<V, S>) {
  // A form may switch between branches of its channel's schema (restore by passphrase or by key).
  const check = useMemo(() => contractValidate(schema), [schema]);
  const inputOf = (values: V): unknown => (toInput ? toInput(values) : values);
  const form = useForm<V>({
    mode: 'controlled',
    initialValues,
    validate: (values: V) => {
      const errors: Errors = {};
      // The first message for a field is the one shown.
      for (const [path, message] of Object.entries(check(inputOf(values) as Record<string, unknown>))) errors[fieldOf ? fieldOf(path) : path] ??= message;
      // A form's own rule is the more specific message ("pick one" rather than an array's minimum).
      for (const [path, message] of Object.entries(rules?.(values) ?? {})) if (message) errors[path] = message;
      return errors;
    },
  });
  const submit =
    (handler: (input: z.output<S>, values: V) => unknown) =>
    // Any element's submit event: a <form>, or a Mantine Stack/Paper rendered as one (component="form").
    (event?: FormEvent<HTMLElement>): void => {
      const root = event?.currentTarget ?? null;
      form.onSubmit(
        async (values) => {
          const parsed = schema.safeParse(inputOf(values as V));
          if (parsed.success) await handler(parsed.data as z.output<S>, values as V);
        },
        (errors) => focusFirstError(root, errors as Errors),
      )(event as FormEvent<HTMLFormElement> | undefined);
    };
  /** A refusal from the server named at its field (INVALID_DATE's field, INVALID_INPUT's paths); false when it names none shown. */
  const showServerError = (error: KaijiErrorInfo, message: string): boolean => {
    const paths = serverErrorPaths(error).filter((p) => Object.hasOwn(form.getValues() as object, p));
    for (const path of paths) form.setFieldError(path, message);
    return paths.length > 0;
  };
  return { form, submit, showServerError };
}

/** The fields a server refusal names: INVALID_DATE carries `field`, INVALID_INPUT its issues' paths. */
export function serverErrorPaths(error: KaijiErrorInfo): string[] {
  const details = (error.details ?? {}) as { field?: unknown; issues?: unknown };
  if (error.code === 'INVALID_DATE' && typeof details.field === 'string') return [details.field];
  if (error.code === 'INVALID_INPUT' && Array.isArray(details.issues)) return [...new Set(details.issues.map((i: { path?: unknown }) => String(i.path ?? '')).filter(Boolean))];
  return [];
}

/** Focuses the first field (in the page's order) the errors name, inside the form that was sent. */
export function focusFirstError(root: ParentNode | null, errors: Errors): void {
  if (!root) return;
  const nodes = [...root.querySelectorAll<HTMLElement>('[data-path]')];
  nodes.find((n) => errors[n.getAttribute('data-path') ?? ''])?.focus();
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
