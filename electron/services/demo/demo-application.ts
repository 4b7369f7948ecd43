import { withDomesticCheckDigit } from '@shared/domain/tracking-number';
import type { Actor } from '../audit/audit-log';
import type { Workspace } from '../core/workspace';
import type { DemoPerson } from './demo-people';
import { formValuesFor } from './demo-scans';

export interface DemoApplication {
  person: DemoPerson;
  arrivedOn: string;
  /** Makes the tracking number (with its check digit, M1) and the form's serial unique. */
  serial: number;
  /** Form fields on top of the person's filled form (requested kinds and the like). */
  fields?: Record<string, string | boolean>;
  /** Required on the form when K3-K5 are asked. */
  reason: string;
}

/** One application as intake records it: a registered envelope, the case, its form fields. */
export async function logDemoApplication(ws: Workspace, actor: Actor, app: DemoApplication): Promise<{ id: string; caseNo: string; envelopeId: string }> {
  const { person, arrivedOn, serial } = app;
  const logged = await ws.envelopes.log(actor, {
    arrivedOn,
    delivery: 'ippan_kakitome',
    trackingNumber: withDomesticCheckDigit(String(20_000_000_000 + serial * 7_919)),
    redMarking: true,
    senderName: person.name,
    senderAddress: person.address,
    note: '',
    applications: 1,
  });
  const id = logged.cases[0]!.id;
  const form: Record<string, string | boolean> = { ...formValuesFor(person, serial, arrivedOn), 'enclosure.idDocument': 'license', signature: person.name, ...app.fields };
  if (form['request.k3'] === true || form['request.k4'] === true || form['request.k5'] === true) form['request.reason'] = app.reason;
  await ws.caseFiles.setFields(actor, id, Object.entries(form).map(([field, value]) => ({ field, value: String(value) })));
  return { id, caseNo: logged.cases[0]!.caseNo, envelopeId: logged.envelope.id };
}
