// A minimal .xlsx reader for the tests: unzips with Node's zlib (stored or
// deflated entries, as the app writes them) and reads the sheet names and
// each sheet's rows of cell texts (inline strings and numbers).
import { inflateRawSync } from 'node:zlib';

/** The entries of a zip file: name → Buffer. */
export function unzip(buf) {
  const entries = new Map();
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataAt, dataAt + size);
    entries.set(name, method === 8 ? inflateRawSync(raw) : raw);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Sheet names in order, and per sheet its rows as arrays of cell texts. */
export function readWorkbook(buf) {
  const files = unzip(buf);
  const workbook = files.get('xl/workbook.xml').toString('utf8');
  const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => unescape(m[1]));
  const sheets = names.map((name, i) => {
    const xml = files.get(`xl/worksheets/sheet${i + 1}.xml`).toString('utf8');
    const rows = [...xml.matchAll(/<row[^>]*>(.*?)<\/row>/gs)].map((row) =>
      [...row[1].matchAll(/<c ([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)].map((c) => {
        const inline = c[2]?.match(/<t[^>]*>(.*?)<\/t>/s);
        if (inline) return unescape(inline[1]);
        const value = c[2]?.match(/<v>(.*?)<\/v>/s);
        return value ? value[1] : '';
      }));
    return { name, rows };
  });
  return { names, sheets };
}
