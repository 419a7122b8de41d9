//! A buffered CSV writer: any single-character delimiter, quoting only where needed, LF line
//! ends, UTF-8 (optionally with BOM) or GBK/GB18030 output.

use crate::config::{Config, Encoding};
use encoding_rs::{EncoderResult, GB18030, GBK};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Writes one CSV file row by row, reusing its buffers.
pub struct CsvWriter {
    out: BufWriter<File>,
    delimiter: char,
    encoder: Option<encoding_rs::Encoder>,
    line: String,
    scratch: String,
    encoded: Vec<u8>,
    row_started: bool,
    rows: u64,
}

impl CsvWriter {
    /// Creates `path` and writes the BOM if asked for.
    pub fn create(path: &Path, cfg: &Config) -> io::Result<Self> {
        let mut out = BufWriter::with_capacity(1 << 20, File::create(path)?);
        if cfg.bom {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let encoder = match cfg.encoding {
            Encoding::Utf8 => None,
            Encoding::Gbk => Some(GBK.new_encoder()),
            Encoding::Gb18030 => Some(GB18030.new_encoder()),
        };
        Ok(CsvWriter {
            out,
            delimiter: cfg.delimiter,
            encoder,
            line: String::with_capacity(256),
            scratch: String::with_capacity(64),
            encoded: Vec::with_capacity(512),
            row_started: false,
            rows: 0,
        })
    }

    /// Writes the header row (not counted as a data row).
    pub fn header(&mut self, names: &[&str]) -> io::Result<()> {
        for name in names {
            self.field(name);
        }
        self.flush_line(1)
    }

    /// Appends a field, quoting it if it holds the delimiter, a quote or a line break.
    pub fn field(&mut self, value: &str) {
        if self.row_started {
            self.line.push(self.delimiter);
        }
        self.row_started = true;
        let delimiter = self.delimiter;
        if value.contains([delimiter, '"', '\n', '\r']) {
            self.line.push('"');
            for c in value.chars() {
                if c == '"' {
                    self.line.push('"');
                }
                self.line.push(c);
            }
            self.line.push('"');
        } else {
            self.line.push_str(value);
        }
    }

    /// Appends a field built by `build` into a reused buffer.
    pub fn field_with(&mut self, build: impl FnOnce(&mut String)) {
        let mut text = std::mem::take(&mut self.scratch);
        text.clear();
        build(&mut text);
        self.field(&text);
        self.scratch = text;
    }

    /// Ends the current data row.
    pub fn end_row(&mut self) -> io::Result<()> {
        self.rows += 1;
        self.flush_line(1)
    }

    /// Ends the current data row and writes it a second time, as an exact duplicate.
    pub fn end_row_twice(&mut self) -> io::Result<()> {
        self.rows += 2;
        self.flush_line(2)
    }

    /// Flushes the file and returns the number of data rows written.
    pub fn finish(mut self) -> io::Result<u64> {
        self.out.flush()?;
        Ok(self.rows)
    }

    fn flush_line(&mut self, copies: usize) -> io::Result<()> {
        self.line.push('\n');
        let bytes = match &mut self.encoder {
            None => self.line.as_bytes(),
            Some(encoder) => {
                self.encoded.clear();
                let need = encoder
                    .max_buffer_length_from_utf8_without_replacement(self.line.len())
                    .unwrap_or(self.line.len() * 4);
                self.encoded.reserve(need);
                let (result, _) =
                    encoder.encode_from_utf8_to_vec_without_replacement(&self.line, &mut self.encoded, false);
                if let EncoderResult::Unmappable(c) = result {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("character {c:?} cannot be written in {}", encoder.encoding().name()),
                    ));
                }
                &self.encoded
            }
        };
        for _ in 0..copies {
            self.out.write_all(bytes)?;
        }
        self.line.clear();
        self.row_started = false;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn written(cfg: &Config, rows: &[&[&str]]) -> Vec<u8> {
        let path = std::env::temp_dir().join(format!(
            "segscope-datagen-writer-{}-{:?}-{}.csv",
            std::process::id(),
            cfg.encoding,
            cfg.delimiter as u32
        ));
        let mut w = CsvWriter::create(&path, cfg).unwrap();
        w.header(&["a", "b"]).unwrap();
        for row in rows {
            row.iter().for_each(|f| w.field(f));
            w.end_row().unwrap();
        }
        assert_eq!(w.finish().unwrap(), rows.len() as u64);
        let bytes = std::fs::read(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        bytes
    }

    #[test]
    fn quotes_only_when_needed() {
        let mut cfg = Config::new(PathBuf::new());
        cfg.delimiter = ';';
        let out = written(&cfg, &[&["x;y", "plain, text"], &["say \"hi\"", "two\nlines"]]);
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, "a;b\n\"x;y\";plain, text\n\"say \"\"hi\"\"\";\"two\nlines\"\n");
    }

    #[test]
    fn gbk_and_bom() {
        let mut cfg = Config::new(PathBuf::new());
        cfg.encoding = Encoding::Gbk;
        let out = written(&cfg, &[&["订单", "￥12"]]);
        let (text, _, errors) = GBK.decode(&out);
        assert!(!errors);
        assert_eq!(text, "a,b\n订单,￥12\n");
        assert_eq!(&out[4..6], &[0xB6, 0xA9]);
        cfg.encoding = Encoding::Utf8;
        cfg.bom = true;
        assert!(written(&cfg, &[]).starts_with(&[0xEF, 0xBB, 0xBF, b'a']));
    }
}
