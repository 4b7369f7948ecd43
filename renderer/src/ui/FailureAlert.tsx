import { Alert } from '@mantine/core';

/** The red alert above a form when the server refused it; nothing while there is no message. */
export function FailureAlert({ testId, message }: { testId: string; message: string | null }) {
  if (!message) return null;
  return (
    <Alert data-testid={testId} color="red" variant="light" role="alert">
      {message}
    </Alert>
  );
}
