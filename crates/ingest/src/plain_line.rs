//! Lines of CSV with no stray carriage return and quotes, if any, only
//! around whole fields, cut into fields at the delimiter without csv-core's
//! byte-at-a-time state machine and without copying them
//! (docs/ingest/speed.md#plain-lines). Such a line means the same to both, so
//! the record is the same either way.

use memchr::{memchr, memchr2};

/// Cuts `line` (its `\n` already off) into fields at `delimiter` as csv-core
/// would: each field's end in the line goes to `bounds` (its start is one
/// past the previous end) or, when any field was quoted, each field's start
/// and end, two places per field. Returns the number of fields, the line
/// without its final carriage return, and whether any field was quoted; `None` when csv-core
/// must read the line instead: a carriage return other than a final one,
/// quotes other than around a whole field with none inside
/// ([`split_quoted_line`]), or more fields than `bounds` holds. Sixteen bytes
/// are looked at at once ([`block_masks`]).
#[inline]
pub(super) fn split_plain_line<'a>(
    line: &'a [u8],
    delimiter: u8,
    bounds: &mut [usize],
) -> Option<(usize, &'a [u8], bool)> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let (blocks, rest) = line.as_chunks::<BLOCK>();
    // The bytes after the last whole block, padded with line feeds: a line
    // holds none, and none is a delimiter here (`splits_plain_lines`).
    let mut tail = [b'\n'; BLOCK];
    tail[..rest.len()].copy_from_slice(rest);
    let mut fields = 0;
    for (k, block) in blocks.iter().chain([&tail]).enumerate() {
        let (mut delimiters, special) = block_masks(block, delimiter);
        if special {
            let fields = split_quoted_line(line, delimiter, bounds)?;
            return Some((fields, line, true));
        }
        while delimiters != 0 {
            let at = k * BLOCK + delimiters.trailing_zeros() as usize;
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
fn split_quoted_line(line: &[u8], delimiter: u8, bounds: &mut [usize]) -> Option<usize> {
    if memchr(b'\r', line).is_some() {
        return None;
    }
    let (mut at, mut fields) = (0, 0);
    loop {
        let (start, end, after) = if line.get(at) == Some(&b'"') {
            let close = at + 1 + memchr(b'"', &line[at + 1..])?;
            (at + 1, close, close + 1)
        } else {
            let rest = &line[at..];
            let stop = memchr2(delimiter, b'"', rest).unwrap_or(rest.len());
            (at, at + stop, at + stop)
        };
        if line.get(after).is_some_and(|&b| b != delimiter) {
            return None;
        }
        *bounds.get_mut(2 * fields)? = start;
        *bounds.get_mut(2 * fields + 1)? = end;
        fields += 1;
        if after >= line.len() {
            return Some(fields);
        }
        at = after + 1;
    }
}

/// Bytes looked at at once.
const BLOCK: usize = 16;

/// Bit `i` set where `block[i]` is `delimiter`, and whether the block holds
/// a quote or a carriage return: with WebAssembly SIMD in the browser.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn block_masks(block: &[u8; BLOCK], delimiter: u8) -> (u32, bool) {
    use core::arch::wasm32::{u8x16_bitmask, u8x16_eq, u8x16_splat, v128, v128_any_true, v128_load, v128_or};
    // SAFETY: `block` is 16 readable bytes, and `v128_load` takes any alignment.
    let bytes = unsafe { v128_load(block.as_ptr().cast::<v128>()) };
    let delimiters = u8x16_bitmask(u8x16_eq(bytes, u8x16_splat(delimiter)));
    let special = v128_or(u8x16_eq(bytes, u8x16_splat(b'"')), u8x16_eq(bytes, u8x16_splat(b'\r')));
    (u32::from(delimiters), v128_any_true(special))
}

/// [`block_masks`] with SSE2, which every x86-64 processor has (native
/// tools and tests).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
fn block_masks(block: &[u8; BLOCK], delimiter: u8) -> (u32, bool) {
    use core::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    // SAFETY: SSE2 is enabled (the cfg above), `block` is 16 readable
    // bytes, and `_mm_loadu_si128` takes any alignment.
    unsafe {
        let bytes = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
        let byte = |b: u8| _mm_set1_epi8(i8::from_ne_bytes([b]));
        let delimiters = _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, byte(delimiter)));
        let special = _mm_or_si128(_mm_cmpeq_epi8(bytes, byte(b'"')), _mm_cmpeq_epi8(bytes, byte(b'\r')));
        (delimiters as u32, _mm_movemask_epi8(special) != 0)
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
fn block_masks_scalar(block: &[u8; BLOCK], delimiter: u8) -> (u32, bool) {
    let delimiters = block
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == delimiter)
        .fold(0, |mask, (i, _)| mask | 1 << i);
    (delimiters, block.iter().any(|&b| b == b'"' || b == b'\r'))
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
