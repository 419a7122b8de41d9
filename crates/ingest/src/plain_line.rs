//! Lines of CSV with no stray carriage return and quotes, if any, only
//! around whole fields, cut into fields at the delimiter without csv-core's
//! byte-at-a-time state machine and without copying them
//! (docs/ingest/speed.md#plain-lines). Such a line means the same to both, so
//! the record is the same either way.

/// Cuts `line` (its `\n` already off) into fields at `delimiter` as csv-core
/// would: each field's end in the line goes to `bounds` (its start is one
/// past the previous end) or, when any field was quoted, each field's start
/// and end, two places per field. Returns the number of fields, the line
/// without its final carriage return, and whether any field was quoted; `None` when csv-core
/// must read the line instead: a carriage return other than a final one,
/// quotes other than around a whole field with none inside
/// ([`split_quoted_line`]), or more fields than `bounds` holds. The line is
/// looked at 64 bytes at a time, sixteen per vector compare ([`WordMasks`]).
#[inline]
pub(super) fn split_plain_line<'a>(
    line: &'a [u8],
    delimiter: u8,
    bounds: &mut [usize],
) -> Option<(usize, &'a [u8], bool)> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let words = WordMasks::new(line, delimiter);
    let mut fields = 0;
    for w in 0..words.count() {
        let [mut delimiters, quotes, returns] = words.get(w);
        if quotes | returns != 0 {
            let fields = split_quoted_line(line, &words, bounds)?;
            return Some((fields, line, true));
        }
        while delimiters != 0 {
            let at = w * 64 + delimiters.trailing_zeros() as usize;
            *bounds.get_mut(fields)? = at;
            fields += 1;
            delimiters &= delimiters - 1;
        }
    }
    *bounds.get_mut(fields)? = line.len();
    Some((fields + 1, line, false))
}

/// [`split_plain_line`] for a line with a quote or a carriage return in it
/// (its final one already off): fields are cut as csv-core cuts them when
/// every quote either opens a field or closes one right before a delimiter or
/// the line's end, with no quote between (so a delimiter between quotes is
/// part of the field, and the quotes are not). `None` for anything else —
/// a carriage return, a doubled quote, a quote inside a field, a quoted field
/// that goes on to the next line — which csv-core then reads.
///
/// The line is looked at 64 bytes at a time, as masks of its quotes and
/// delimiters ([`WordMasks`]): the quotes' running parity marks what is
/// between quotes, every opening quote must follow a delimiter (or start the
/// line) and every closing one precede a delimiter (or end it), and the
/// delimiters outside quotes end the fields.
fn split_quoted_line(line: &[u8], words: &WordMasks, bounds: &mut [usize]) -> Option<usize> {
    // Whether the previous word ended between quotes (all ones) or not, and
    // whether its last byte was a delimiter (the line's start counts as one).
    let (mut in_quotes, mut delimiter_before) = (0u64, 1u64);
    let (mut field_start, mut fields) = (0, 0);
    let mut word = words.get(0);
    for w in 0..words.count() {
        let base = w * 64;
        let next = words.get(w + 1);
        let [delimiters, quotes, returns] = word;
        if returns != 0 {
            return None;
        }
        // The line's end closes the last field as a delimiter would.
        let ends = delimiters
            | line
                .len()
                .checked_sub(base)
                .filter(|&at| at < 64)
                .map_or(0, |at| 1 << at);
        let next_ends = next[0] | u64::from(line.len() == base + 64);
        let between = prefix_xor(quotes) ^ in_quotes;
        let (opening, closing) = (quotes & between, quotes & !between);
        if opening & !(ends << 1 | delimiter_before) != 0 || closing & !(ends >> 1 | next_ends << 63) != 0 {
            return None;
        }
        let mut field_ends = ends & !between;
        while field_ends != 0 {
            let end = base + field_ends.trailing_zeros() as usize;
            field_ends &= field_ends - 1;
            let quoted = usize::from(line.get(field_start) == Some(&b'"'));
            let [start_at, end_at] = bounds.get_mut(2 * fields..2 * fields + 2)? else {
                return None;
            };
            (*start_at, *end_at) = (field_start + quoted, end - quoted);
            fields += 1;
            field_start = end + 1;
        }
        in_quotes = 0u64.wrapping_sub(between >> 63);
        delimiter_before = ends >> 63;
        word = next;
    }
    (in_quotes == 0).then_some(fields)
}

/// Bit `i` set in `x`'s prefix XOR when an odd number of `x`'s bits up to
/// and including `i` are set: between an opening quote (included) and its
/// closing one (excluded).
fn prefix_xor(mut x: u64) -> u64 {
    for shift in [1, 2, 4, 8, 16, 32] {
        x ^= x << shift;
    }
    x
}

/// The masks of delimiters, quotes and carriage returns of a line, 64
/// bytes at a time ([`block_masks`]), up to and including the place just past
/// its end: the bytes after the last whole block are padded with line feeds,
/// which a line holds none of and which are no delimiter here
/// (`splits_plain_lines`).
struct WordMasks<'a> {
    whole: &'a [[u8; BLOCK]],
    tail: [u8; BLOCK],
    delimiter: u8,
}

impl<'a> WordMasks<'a> {
    fn new(line: &'a [u8], delimiter: u8) -> Self {
        let (whole, rest) = line.as_chunks::<BLOCK>();
        let mut tail = [b'\n'; BLOCK];
        tail[..rest.len()].copy_from_slice(rest);
        WordMasks { whole, tail, delimiter }
    }

    /// How many words there are.
    fn count(&self) -> usize {
        (self.whole.len() + 1).div_ceil(64 / BLOCK)
    }

    /// Word `w`'s masks of delimiters, quotes and carriage returns; none
    /// past the end.
    #[inline]
    fn get(&self, w: usize) -> [u64; 3] {
        let mut word = [0; 3];
        for k in 0..64 / BLOCK {
            let i = w * (64 / BLOCK) + k;
            let block = match self.whole.get(i) {
                Some(block) => block,
                None if i == self.whole.len() => &self.tail,
                None => break,
            };
            let masks = block_masks(block, self.delimiter);
            for (word, mask) in word.iter_mut().zip([masks.delimiters, masks.quotes, masks.returns]) {
                *word |= u64::from(mask) << (k * BLOCK);
            }
        }
        word
    }
}

/// Bytes looked at at once.
const BLOCK: usize = 16;

/// Bit `i` set in each mask where `block[i]` is what it names.
#[derive(Debug, PartialEq)]
struct BlockMasks {
    delimiters: u32,
    quotes: u32,
    returns: u32,
}

/// A block's [`BlockMasks`]: with WebAssembly SIMD in the browser.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn block_masks(block: &[u8; BLOCK], delimiter: u8) -> BlockMasks {
    use core::arch::wasm32::{u8x16_bitmask, u8x16_eq, u8x16_splat, v128, v128_load};
    // SAFETY: `block` is 16 readable bytes, and `v128_load` takes any alignment.
    let bytes = unsafe { v128_load(block.as_ptr().cast::<v128>()) };
    let mask = |b: u8| u32::from(u8x16_bitmask(u8x16_eq(bytes, u8x16_splat(b))));
    BlockMasks {
        delimiters: mask(delimiter),
        quotes: mask(b'"'),
        returns: mask(b'\r'),
    }
}

/// [`block_masks`] with SSE2, which every x86-64 processor has (native
/// tools and tests).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
fn block_masks(block: &[u8; BLOCK], delimiter: u8) -> BlockMasks {
    use core::arch::x86_64::{__m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8};
    // SAFETY: SSE2 is enabled (the cfg above), `block` is 16 readable
    // bytes, and `_mm_loadu_si128` takes any alignment.
    unsafe {
        let bytes = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
        let mask = |b: u8| _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(i8::from_ne_bytes([b])))) as u32;
        BlockMasks {
            delimiters: mask(delimiter),
            quotes: mask(b'"'),
            returns: mask(b'\r'),
        }
    }
}

/// [`block_masks`] a byte at a time: on other processors, and the reference
/// the SIMD versions are tested against.
#[cfg(any(
    test,
    not(any(
        all(target_arch = "x86_64", target_feature = "sse2"),
        all(target_arch = "wasm32", target_feature = "simd128")
    ))
))]
fn block_masks_scalar(block: &[u8; BLOCK], delimiter: u8) -> BlockMasks {
    let mask = |wanted: u8| {
        (block.iter().enumerate())
            .filter(|(_, &b)| b == wanted)
            .fold(0, |mask, (i, _)| mask | 1 << i)
    };
    BlockMasks {
        delimiters: mask(delimiter),
        quotes: mask(b'"'),
        returns: mask(b'\r'),
    }
}

#[cfg(not(any(
    all(target_arch = "x86_64", target_feature = "sse2"),
    all(target_arch = "wasm32", target_feature = "simd128")
)))]
use block_masks_scalar as block_masks;

/// True when lines of `delimiter`-separated text can be cut by
/// [`split_plain_line`]: the delimiter is none of the bytes it looks for.
pub(super) fn splits_plain_lines(delimiter: u8) -> bool {
    !matches!(delimiter, b'"' | b'\r' | b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(line: &[u8]) -> Option<Vec<String>> {
        let mut bounds = vec![0; 16];
        let (n, line, quoted) = split_plain_line(line, b',', &mut bounds)?;
        let field = |i: usize| match quoted {
            true => bounds[2 * i]..bounds[2 * i + 1],
            false => i.checked_sub(1).map_or(0, |p| bounds[p] + 1)..bounds[i],
        };
        Some(
            (0..n)
                .map(|i| String::from_utf8_lossy(&line[field(i)]).into_owned())
                .collect(),
        )
    }

    #[test]
    fn fields_are_cut_at_the_delimiter_and_a_final_carriage_return_is_dropped() {
        assert_eq!(split(b"a,bc,,d\r").unwrap(), ["a", "bc", "", "d"]);
        assert_eq!(split(b",").unwrap(), ["", ""]);
        assert_eq!(split(b"x;y").unwrap(), ["x;y"]);
    }

    #[test]
    fn quotes_around_whole_fields_are_taken_off() {
        assert_eq!(split(b"a,\"b\"").unwrap(), ["a", "b"]);
        assert_eq!(
            split(b"\"Doe, Jane\",\"\",7,\"x\"\r").unwrap(),
            ["Doe, Jane", "", "7", "x"]
        );
        assert_eq!(split(b"\"a\",").unwrap(), ["a", ""]);
    }

    #[test]
    fn other_quotes_stray_carriage_returns_and_short_buffers_are_left_to_csv_core() {
        assert_eq!(split(b"\"a\"\"b\""), None, "a doubled quote");
        assert_eq!(split(b"a\"b"), None, "a quote inside a field");
        assert_eq!(split(b"\"a\"b,c"), None, "text after the closing quote");
        assert_eq!(split(b"\"a,b"), None, "a field that goes on to the next line");
        assert_eq!(split(b"\"a\",b\rc"), None);
        assert_eq!(split(b"a\rb"), None);
        assert_eq!(split(b"a\r\r"), None);
        // Sixteen places: sixteen fields' ends, or eight quoted line's pairs.
        assert_eq!(split(b"1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17"), None);
        assert_eq!(split(b"1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16").unwrap().len(), 16);
        assert_eq!(split(b"\"1\",2,3,4,5,6,7,8").unwrap().len(), 8);
        assert_eq!(split(b"\"1\",2,3,4,5,6,7,8,9"), None);
    }

    #[test]
    fn lines_longer_than_a_block_are_cut_in_every_block() {
        let line = b"order-000001,customer@example.com,2024-01-02 03:04:05,12.50,completed,";
        let fields = split(line).unwrap();
        assert_eq!(
            fields,
            [
                "order-000001",
                "customer@example.com",
                "2024-01-02 03:04:05",
                "12.50",
                "completed",
                ""
            ]
        );
        assert_eq!(split(b"0123456789abcdef\"x"), None);
        assert_eq!(split(b"0123456789abcde\"x"), None);
        assert_eq!(split(b"0123456789abcdef,\"x\"").unwrap(), ["0123456789abcdef", "x"]);
        assert_eq!(split(b"0123456789abcdefghijklmnopqrstu\rv"), None);
    }

    #[test]
    fn quotes_and_delimiters_at_the_64_byte_boundaries_are_cut_right() {
        // A closing quote as byte 63 or 64 of the line, the line ending right
        // at a word's end, and a quoted field spanning two words.
        for pad in 58..=66 {
            let long = "x".repeat(pad);
            let line = format!("\"{long}\",\"b\",c");
            assert_eq!(split(line.as_bytes()).unwrap(), [long.as_str(), "b", "c"], "pad {pad}");
            let line = format!("a,\"{long}\"");
            assert_eq!(split(line.as_bytes()).unwrap(), ["a", long.as_str()], "pad {pad}");
            let line = format!("\"{long},{long}\",z");
            assert_eq!(
                split(line.as_bytes()).unwrap(),
                [format!("{long},{long}").as_str(), "z"],
                "pad {pad}"
            );
            assert_eq!(split(format!("\"{long}\"x,y").as_bytes()), None, "pad {pad}");
            assert_eq!(split(format!("{long}\"q\",y").as_bytes()), None, "pad {pad}");
        }
    }

    proptest::proptest! {
        /// The SIMD masks are the byte-at-a-time masks, for any block.
        #[test]
        fn simd_masks_are_the_scalar_masks(
            block in proptest::array::uniform16(proptest::sample::select(vec![b',', b';', b'"', b'\r', b'\n', b'a', 0xE4, 0])),
            delimiter in proptest::sample::select(vec![b',', b';', b'\t', 0xE4]),
        ) {
            proptest::prop_assert_eq!(block_masks(&block, delimiter), block_masks_scalar(&block, delimiter));
        }
    }
}
