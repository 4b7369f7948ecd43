import { TextInput, type TextInputProps } from '@mantine/core';

/** A login name field: no capitals, no spell check, at most 32 characters (the contract's loginName rule). */
export function LoginInput(props: TextInputProps) {
  return <TextInput maxLength={32} autoCapitalize="none" spellCheck={false} required {...props} />;
}
