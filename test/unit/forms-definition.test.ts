import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ALIGNMENT_MARKS,
  CONTENT,
  FIELD_DOC_TABLE,
  FIELD_NAMES,
  FIELDS,
  FORM_QR_PAYLOAD,
  GROUP_LABELS,
  NOTES_ZONE,
  PAGE,
  QR_QUIET_ZONE,
  SECTIONS,
  type Zone,
} from '../../shared/domain/application-form';

const EPS = 0.01;
const overlaps = (a: Zone, b: Zone) =>
  a.x < b.x + b.width - EPS && b.x < a.x + a.width - EPS && a.y < b.y + b.height - EPS && b.y < a.y + a.height - EPS;
const inside = (a: Zone, b: Zone) =>
  a.x >= b.x - EPS && a.y >= b.y - EPS && a.x + a.width <= b.x + b.width + EPS && a.y + a.height <= b.y + b.height + EPS;

/** Every drawn area of the form with a name, for overlap checks. */
function allZones(): { what: string; zone: Zone }[] {
  return [
    ...FIELDS.flatMap((f) => {
      const own = [
        { what: `${f.name} label`, zone: f.labelZone },
        ...(f.kind === 'choice' ? [] : [{ what: f.name, zone: f.zone }]),
      ];
      const opts = (f.options ?? []).flatMap((o) => [
        { what: `${f.name}=${o.value}`, zone: o.zone },
        { what: `${f.name}=${o.value} label`, zone: o.labelZone },
      ]);
      return [...own, ...opts];
    }),
    ...SECTIONS.map((s) => ({ what: s.title, zone: s.zone })),
    ...GROUP_LABELS.map((g) => ({ what: g.label, zone: g.zone })),
    { what: 'notes', zone: NOTES_ZONE },
    { what: 'qr', zone: QR_QUIET_ZONE },
  ];
}

describe('application form definition (I3)', () => {
  it('has the documented id, version and QR payload', () => {
    expect(FORM_QR_PAYLOAD).toBe('KAIJI-FORM:kaiji-appi-request:1');
  });

  it('defines every name in FIELD_NAMES exactly once, in order', () => {
    expect(FIELDS.map((f) => f.name)).toEqual([...FIELD_NAMES]);
    expect(new Set(FIELD_NAMES).size).toBe(FIELD_NAMES.length);
  });

  it('covers the six request kinds, fee on K1, K2 and K6 only (F1)', () => {
    const kinds = FIELDS.filter((f) => f.name.startsWith('request.k'));
    expect(kinds.map((f) => f.name)).toEqual(['request.k1', 'request.k2', 'request.k3', 'request.k4', 'request.k5', 'request.k6']);
    expect(kinds.filter((f) => f.fee).map((f) => f.name)).toEqual(['request.k1', 'request.k2', 'request.k6']);
    expect(kinds.every((f) => f.kind === 'checkbox')).toBe(true);
  });

  it('offers the three applicant types and both disclosure methods', () => {
    const values = (n: string) => FIELDS.find((f) => f.name === n)?.options?.map((o) => `${o.value}:${o.label}`);
    expect(values('applicant.type')).toEqual(['self:本人', 'statutory:法定代理人', 'appointed:任意代理人']);
    expect(values('request.method')).toEqual(['paper:書面', 'electronic:電磁的記録']);
  });

  it('gives choices ASCII export values and only choices have options', () => {
    for (const f of FIELDS) {
      expect(f.kind === 'choice', f.name).toBe(Boolean(f.options?.length));
      for (const o of f.options ?? []) expect(o.value).toMatch(/^[a-z]+$/);
    }
  });

  it('keeps every zone inside the content area and clear of the alignment marks', () => {
    for (const { what, zone } of allZones()) {
      expect(inside(zone, CONTENT), what).toBe(true);
      expect(zone.width > 0 && zone.height > 0, what).toBe(true);
      for (const m of ALIGNMENT_MARKS) expect(overlaps(zone, m.zone), `${what} vs mark ${m.id}`).toBe(false);
    }
  });

  it('never lets two zones overlap (so a scan can be read zone by zone)', () => {
    const zones = allZones();
    for (let i = 0; i < zones.length; i++) {
      for (let j = i + 1; j < zones.length; j++) {
        expect(overlaps(zones[i]!.zone, zones[j]!.zone), `${zones[i]!.what} / ${zones[j]!.what}`).toBe(false);
      }
    }
  });

  it('puts a choice field zone around all its option boxes', () => {
    for (const f of FIELDS.filter((x) => x.kind === 'choice')) {
      for (const o of f.options ?? []) expect(inside(o.zone, f.zone), `${f.name}=${o.value}`).toBe(true);
    }
  });

  it('places the 4 alignment marks as squares near the page corners', () => {
    expect(ALIGNMENT_MARKS.map((m) => m.id)).toEqual(['tl', 'tr', 'bl', 'br']);
    for (const { zone } of ALIGNMENT_MARKS) {
      expect(zone.width).toBe(zone.height);
      const dx = Math.min(zone.x, PAGE.width - zone.x - zone.width);
      const dy = Math.min(zone.y, PAGE.height - zone.y - zone.height);
      expect(dx).toBeGreaterThanOrEqual(14); // printable on ordinary printers (~5 mm margin)
      expect(dx).toBeLessThan(30);
      expect(dy).toBeGreaterThanOrEqual(14);
      expect(dy).toBeLessThan(30);
    }
  });

  it('gives handwriting room: name boxes at least 8 mm high', () => {
    const mm = (pt: number) => (pt * 25.4) / 72;
    expect(mm(FIELDS.find((f) => f.name === 'subject.name')!.zone.height)).toBeGreaterThanOrEqual(8);
  });

  it('documents every field in the README table', () => {
    expect(FIELD_DOC_TABLE.split('\n')).toHaveLength(FIELDS.length + 2);
    const readme = readFileSync(new URL('../../electron/services/forms/README.md', import.meta.url), 'utf8');
    expect(readme).toContain(FIELD_DOC_TABLE);
  });
});
