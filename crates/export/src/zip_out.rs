//! A zip archive written into memory, each entry deflated as it streams in
//! (no data descriptors: an entry's checksum and sizes are patched into its
//! local header once it is complete). Only what the workbook and the
//! campaign pack need: deflate, UTF-8 names (flagged as such when they are
//! not ASCII), no zip64, so entries and the archive stay under 4 GiB.

use super::error::ExportError;
use flate2::write::DeflateEncoder;
use flate2::Compression;
use std::io::{self, Write};

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_CENTRAL: u32 = 0x0605_4b50;
/// Version 2.0: deflate.
const VERSION: u16 = 20;
const DEFLATE: u16 = 8;
/// MS-DOS date of 1980-01-01 (time 00:00): a fixed stamp keeps output reproducible.
const DOS_DATE: u16 = (1 << 5) | 1;
/// Deflate level: on 200,000 customers (400,000 rows) level 2 took 1.3 s
/// natively for 37 MB, level 1 0.8 s for 48 MB, the usual 6 2.9 s for 31 MB.
const LEVEL: u32 = 2;
/// General purpose flag bit 11: the entry's name is UTF-8 (APPNOTE 4.4.4).
const UTF8_NAME: u16 = 1 << 11;
/// Where the checksum sits in a local header.
const CRC_AT: usize = 14;

/// A complete entry, for the central directory.
struct Entry {
    name: String,
    offset: u32,
    crc: u32,
    compressed: u32,
    size: u32,
}

/// The archive being written.
#[derive(Default)]
pub(crate) struct ZipOut {
    bytes: Vec<u8>,
    entries: Vec<Entry>,
}

impl ZipOut {
    /// Adds entry `name`, whose content `write` streams in.
    pub(crate) fn add(
        &mut self,
        name: &str,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), ExportError> {
        let offset = self.offset()?;
        self.push_header(LOCAL_HEADER, None, name, [0; 3]);
        let data_at = self.bytes.len();
        let mut counted = Counted {
            inner: DeflateEncoder::new(&mut self.bytes, Compression::new(LEVEL)),
            crc: crc32fast::Hasher::new(),
            size: 0,
        };
        write(&mut counted)?;
        let crc = counted.crc.finalize();
        let size = fits(counted.size)?;
        let bytes = counted.inner.finish()?;
        let compressed = fits(bytes.len() - data_at)?;
        let at = offset as usize + CRC_AT;
        for (n, value) in [crc, compressed, size].into_iter().enumerate() {
            bytes[at + 4 * n..at + 4 * n + 4].copy_from_slice(&value.to_le_bytes());
        }
        self.entries.push(Entry {
            name: name.to_string(),
            offset,
            crc,
            compressed,
            size,
        });
        Ok(())
    }

    /// Writes the central directory and returns the archive.
    pub(crate) fn finish(mut self) -> Result<Vec<u8>, ExportError> {
        let start = self.offset()?;
        let entries = std::mem::take(&mut self.entries);
        for e in &entries {
            self.push_header(CENTRAL_HEADER, Some(e.offset), &e.name, [e.crc, e.compressed, e.size]);
        }
        let size = self.offset()? - start;
        let count = u16::try_from(entries.len()).map_err(|_| ExportError::TooLarge)?;
        self.push_u32(END_OF_CENTRAL);
        self.push_u16(0); // this disk
        self.push_u16(0); // disk of the central directory
        self.push_u16(count);
        self.push_u16(count);
        self.push_u32(size);
        self.push_u32(start);
        self.push_u16(0); // comment length
        Ok(self.bytes)
    }

    /// A local header (`central` = `None`) or a central directory header
    /// (with the entry's local offset): sizes and checksum as given.
    fn push_header(&mut self, signature: u32, central: Option<u32>, name: &str, [crc, compressed, size]: [u32; 3]) {
        self.push_u32(signature);
        if central.is_some() {
            self.push_u16(VERSION); // made by
        }
        let flags = if name.is_ascii() { 0 } else { UTF8_NAME };
        for value in [VERSION, flags, DEFLATE, 0, DOS_DATE] {
            self.push_u16(value); // needed, flags, method, time, date
        }
        for value in [crc, compressed, size] {
            self.push_u32(value);
        }
        // Names are short paths (file names of segments at most).
        self.push_u16(u16::try_from(name.len()).unwrap_or(u16::MAX));
        self.push_u16(0); // extra field length
        if let Some(offset) = central {
            for value in [0, 0, 0] {
                self.push_u16(value); // comment length, disk, internal attributes
            }
            self.push_u32(0); // external attributes
            self.push_u32(offset);
        }
        self.bytes.extend_from_slice(name.as_bytes());
    }

    fn offset(&self) -> Result<u32, ExportError> {
        fits(self.bytes.len())
    }

    fn push_u16(&mut self, value: u16) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    fn push_u32(&mut self, value: u32) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }
}

/// `n` as a 32-bit zip field, or the archive is too large.
fn fits(n: usize) -> Result<u32, ExportError> {
    u32::try_from(n).map_err(|_| ExportError::TooLarge)
}

/// A writer that checksums and counts what passes through.
struct Counted<W> {
    inner: W,
    crc: crc32fast::Hasher,
    size: usize,
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.crc.update(&buf[..n]);
        self.size += n;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Read};

    #[test]
    fn entries_read_back_with_the_zip_reader() {
        let mut zip = ZipOut::default();
        let big = "row ".repeat(50_000);
        let ok = zip.add("a.xml", |w| w.write_all(b"<a/>")).is_ok()
            && zip.add("dir/b.txt", |w| w.write_all(big.as_bytes())).is_ok();
        assert!(ok);
        let bytes = zip.finish().unwrap_or_default();
        assert!(bytes.len() < 10_000);
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a valid archive");
        assert_eq!(archive.len(), 2);
        let mut text = String::new();
        let read = archive.by_name("dir/b.txt").map(|mut f| f.read_to_string(&mut text));
        assert!(matches!(read, Ok(Ok(_))));
        assert_eq!(text, big);
        text.clear();
        let read = archive.by_name("a.xml").map(|mut f| f.read_to_string(&mut text));
        assert!(matches!(read, Ok(Ok(_))));
        assert_eq!(text, "<a/>");
    }

    #[test]
    fn names_beyond_ascii_are_flagged_utf8() {
        let mut zip = ZipOut::default();
        assert!(zip.add("流失预警.csv", |w| w.write_all(b"x")).is_ok());
        let bytes = zip.finish().unwrap_or_default();
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a valid archive");
        assert_eq!(archive.len(), 1);
        assert!(archive.by_name("流失预警.csv").is_ok());
    }
}
