//! Where a range of a file may start: just after a line break, and, in a
//! file of order lines, where the order id changes, so the lines of one
//! order stay in one range (docs/ingest/speed.md#parallel-read). Whether a
//! record really starts there (and not inside a quoted field spanning
//! lines) is confirmed later by the reader of the range before it.

use crate::schema::Role;
use crate::sniff::FileSchema;

/// How many bytes to look at from a planned split point.
pub const RANGE_PROBE_BYTES: usize = 64 << 10;

/// The offset in `window` (bytes of the file from a planned split point) at
/// which the range should start, or `None` when the window has no line
/// break followed by more text.
pub fn range_start(window: &[u8], schema: &FileSchema) -> Option<usize> {
    let breaks: Vec<usize> = window
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .map(|(i, _)| i + 1)
        .filter(|&at| window.get(at).is_some_and(|b| !matches!(b, b'\r' | b'\n')))
        .collect();
    let first = *breaks.first()?;
    let Some(column) = schema.column(Role::OrderId) else {
        return Some(first);
    };
    let order_id = |line: &[u8]| -> Option<Vec<u8>> {
        // Quotes could hide delimiters or line breaks: no judgement then.
        if line.contains(&b'"') {
            return None;
        }
        line.split(|b| *b == schema.delimiter)
            .nth(column)
            .map(|cell| cell.trim_ascii().to_vec())
    };
    let line_at = |start: usize| {
        let end = window[start..].iter().position(|b| *b == b'\n').map(|n| start + n)?;
        Some(&window[start..end])
    };
    breaks
        .windows(2)
        .find(|pair| {
            let (Some(prev), Some(next)) = (line_at(pair[0]), line_at(pair[1])) else {
                return false;
            };
            matches!((order_id(prev), order_id(next)), (Some(a), Some(b)) if a != b)
        })
        .map(|pair| pair[1])
        .or(Some(first))
}
