//! Lines of CSV with no quote and no stray carriage return, cut into fields
//! at the delimiter without csv-core's byte-at-a-time state machine and
//! without copying them (docs/ingest/speed.md#plain-lines). Such a line means
//! the same to both, so the record is the same either way.

use memchr::memchr2;

/// Cuts `line` (its `\n` already off) into fields at `delimiter` as csv-core
/// would: the position of each field's end in the line goes to `ends`.
/// Returns the number of fields and the line without its final carriage
/// return, or `None` when csv-core must read the line instead: it has a
/// quote, or a carriage return other than a final one, or more fields than
/// `ends` holds.
pub(super) fn split_plain_line<'a>(line: &'a [u8], delimiter: u8, ends: &mut [usize]) -> Option<(usize, &'a [u8])> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if memchr2(b'"', b'\r', line).is_some() {
        return None;
    }
    let mut fields = 0;
    for (at, _) in line.iter().enumerate().filter(|(_, &b)| b == delimiter) {
        *ends.get_mut(fields)? = at;
        fields += 1;
    }
    *ends.get_mut(fields)? = line.len();
    Some((fields + 1, line))
}

/// True when lines of `delimiter`-separated text can be cut by
/// [`split_plain_line`]: the delimiter is none of the bytes it looks for.
pub(super) fn splits_plain_lines(delimiter: u8) -> bool {
    !matches!(delimiter, b'"' | b'\r' | b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(line: &[u8]) -> Option<Vec<String>> {
        let mut ends = vec![0; 8];
        let (n, line) = split_plain_line(line, b',', &mut ends)?;
        let mut start = 0;
        Some(
            ends[..n]
                .iter()
                .map(|&end| {
                    let field = String::from_utf8_lossy(&line[start..end]).into_owned();
                    start = end + 1;
                    field
                })
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
    fn quotes_stray_carriage_returns_and_short_buffers_are_left_to_csv_core() {
        assert_eq!(split(b"a,\"b\""), None);
        assert_eq!(split(b"a\rb"), None);
        assert_eq!(split(b"a\r\r"), None);
        assert_eq!(split(b"1,2,3,4,5,6,7,8,9"), None);
        assert_eq!(split(b"1,2,3,4,5,6,7,8").unwrap().len(), 8);
    }
}
