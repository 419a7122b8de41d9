//! Streaming text decoding: any supported encoding in, UTF-8 bytes out, chunk
//! by chunk, so a file is never held whole.

use super::encoding_choice::choose_encoding;
use encoding_rs::{CoderResult, Decoder, Encoding, UTF_8};

/// Detects the encoding of a file from its first bytes: a BOM first, then valid
/// UTF-8, then the candidate that decodes the header and first rows best
/// (GBK/GB18030, Big5, Shift_JIS, EUC-KR, Windows-125x …); see
/// [`choose_encoding`] for the reason and confidence.
pub fn detect_encoding(prefix: &[u8], is_whole_file: bool) -> &'static Encoding {
    choose_encoding(prefix, is_whole_file).encoding
}

/// Turns raw chunks into UTF-8 chunks, keeping state across chunk boundaries.
pub struct ChunkDecoder {
    encoding: &'static Encoding,
    decoder: Option<Decoder>,
    first: bool,
    out: Vec<u8>,
}

impl ChunkDecoder {
    /// A decoder for `encoding`; UTF-8 input passes through without copying
    /// (apart from dropping a BOM).
    pub fn new(encoding: &'static Encoding) -> Self {
        let decoder = (encoding != UTF_8).then(|| encoding.new_decoder_with_bom_removal());
        ChunkDecoder {
            encoding,
            decoder,
            first: true,
            out: Vec::new(),
        }
    }

    /// A decoder for text that continues a file past its start (a range of
    /// it): no byte order mark is looked for.
    pub fn continuing(encoding: &'static Encoding) -> Self {
        ChunkDecoder {
            encoding,
            decoder: (encoding != UTF_8).then(|| encoding.new_decoder_without_bom_handling()),
            first: false,
            out: Vec::new(),
        }
    }

    /// The encoding decoded.
    pub fn encoding(&self) -> &'static Encoding {
        self.encoding
    }

    /// Decodes one chunk; `last` marks the end of the input. Malformed bytes
    /// become U+FFFD, as a browser would show them.
    pub fn decode<'a>(&'a mut self, chunk: &'a [u8], last: bool) -> &'a [u8] {
        let first = std::mem::replace(&mut self.first, false);
        let Some(decoder) = self.decoder.as_mut() else {
            return if first {
                chunk.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(chunk)
            } else {
                chunk
            };
        };
        self.out.clear();
        let needed = decoder
            .max_utf8_buffer_length(chunk.len())
            .unwrap_or(chunk.len() * 3 + 16);
        self.out.reserve(needed);
        let mut input = chunk;
        loop {
            let start = self.out.len();
            self.out.resize(self.out.capacity().max(start + 16), 0);
            let (result, read, written, _) = decoder.decode_to_utf8(input, &mut self.out[start..], last);
            self.out.truncate(start + written);
            input = &input[read..];
            match result {
                CoderResult::InputEmpty => break,
                CoderResult::OutputFull => self.out.reserve(input.len() * 3 + 16),
            }
        }
        &self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_bom_utf8_and_gbk() {
        assert_eq!(detect_encoding(b"\xEF\xBB\xBFa,b", true), UTF_8);
        assert_eq!(detect_encoding(b"\xFF\xFEa\0", true), encoding_rs::UTF_16LE);
        assert_eq!(detect_encoding("客户,金额\n".as_bytes(), true), UTF_8);
        let (gbk, _, _) =
            encoding_rs::GBK.encode("客户编号,下单时间,实付金额\n张三,2024-01-05,12\n李四,2024-02-01,30\n");
        let enc = detect_encoding(&gbk, true);
        assert!(enc == encoding_rs::GBK || enc == encoding_rs::GB18030, "{}", enc.name());
    }

    #[test]
    fn decodes_across_chunk_boundaries() {
        let (gbk, _, _) = encoding_rs::GBK.encode("客户编号,金额\n张三,12\n");
        let mut d = ChunkDecoder::new(encoding_rs::GBK);
        let mut text = Vec::new();
        for (i, piece) in gbk.chunks(3).enumerate() {
            let last = (i + 1) * 3 >= gbk.len();
            text.extend_from_slice(d.decode(piece, last));
        }
        assert_eq!(String::from_utf8(text).unwrap(), "客户编号,金额\n张三,12\n");
    }
}
