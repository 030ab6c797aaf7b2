import { describe, expect, it } from 'vitest';
import { decodeCsv, IMPORT_MAX_ROWS, parseRosterCsv } from '../../src/lib/roster-csv';

const csvOf = (n: number) => 'name,email\n' + Array.from({ length: n }, (_, i) => `Member ${i},m${i}@x.org`).join('\n');

describe('roster CSV files', () => {
  it('reads UTF-8 with a byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('name,email\nHernández,h@x.org\n')]);
    const d = decodeCsv(bytes);
    expect('text' in d && parseRosterCsv(d.text, new Set()).rows[0]?.name).toBe('Hernández');
  });

  it('reads a Windows-1252 file as Excel saves it', () => {
    // "Hernández" and "Zoë" in Windows-1252: á = 0xE1, ë = 0xEB.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('name,email\nHern'),
      0xe1,
      ...new TextEncoder().encode('ndez,h@x.org\nZo'),
      0xeb,
      ...new TextEncoder().encode(',z@x.org\n'),
    ]);
    const d = decodeCsv(bytes);
    expect('text' in d && parseRosterCsv(d.text, new Set()).rows.map((r) => r.name)).toEqual(['Hernández', 'Zoë']);
  });

  it('refuses a file that is not text', () => {
    expect(decodeCsv(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]))).toEqual({
      error: 'The file is not a text CSV file (save it from the spreadsheet as "CSV UTF-8").',
    });
  });

  it(`refuses more than ${IMPORT_MAX_ROWS} rows with a clear message, and takes exactly that many`, () => {
    expect(parseRosterCsv(csvOf(IMPORT_MAX_ROWS), new Set()).rows).toHaveLength(IMPORT_MAX_ROWS);
    expect(parseRosterCsv(csvOf(IMPORT_MAX_ROWS + 1), new Set()).fileError).toBe(
      'The file has more than 5,000 rows: split it into smaller files.',
    );
  });

  it('cleans names: trimmed, bidi overrides removed, whitespace-only refused', () => {
    const { rows } = parseRosterCsv('name,email\n  Ann \u202ELee ,a@x.org\n"   ",b@x.org\n', new Set());
    expect(rows.map((r) => [r.name, r.error])).toEqual([
      ['Ann Lee', undefined],
      ['', 'The name is empty.'],
    ]);
  });

  it('checks each row through the roster rules: known roles only, other columns ignored, prototype keys harmless', () => {
    const { rows } = parseRosterCsv(
      'name,email,role,__proto__,constructor\nAnn,ann@x.org,Current CLM,{"admin":true},x\nBo,bo@x.org,owner,,\n',
      new Set(),
    );
    expect(rows.map((r) => [r.name, r.role, r.error])).toEqual([
      ['Ann', 'clm', undefined],
      ['Bo', 'candidate', 'Unknown role "owner": use candidate, clm or guest.'],
    ]);
    expect(Object.keys(rows[0]!)).toEqual(['line', 'name', 'email', 'role', 'error', 'skip']);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
