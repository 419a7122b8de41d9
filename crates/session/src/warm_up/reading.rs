//! Reading made-up orders files when a worker starts, as a user's file is
//! read: sniffed, its first part fed in chunks, its second part read as a
//! range and merged (docs/ingest/speed.md#warm-code). Parsing runs once per
//! chunk, and a chunk's parse that starts in the baseline code stays in it to
//! its end, so the first megabytes of a user's file would otherwise be parsed
//! several times slower than the rest.

use crate::Loader;
use segscope_ingest::split::{range_start, Absorbed, RangePart, RangeReader, RANGE_PROBE_BYTES};
use segscope_ingest::{sniff, IngestError, SNIFF_BYTES};
use std::fmt::Write;

/// Rows of each made-up file: enough for the parse to be optimised after the
/// first chunks, few enough to take a few milliseconds once it is.
const ROWS: u32 = 12_000;

/// Chunks the made-up files are fed in: small, so that parsing is called
/// often and the later calls find it optimised.
const CHUNK_BYTES: usize = 16 << 10;

/// The two shapes of file the workers meet most: unquoted with ids, and
/// every field quoted with e-mail keys, CRLF line ends and another
/// platform's columns and statuses.
#[derive(Clone, Copy)]
enum Shape {
    Plain,
    Quoted,
}

/// A made-up orders file of `shape` (a fixed sequence: the same every time).
fn made_up_file(shape: Shape) -> Vec<u8> {
    let mut text = String::with_capacity(ROWS as usize * 110);
    text.push_str(match shape {
        Shape::Plain => "order_id,customer_id,order_date,amount,status,category,quantity,channel,currency\n",
        Shape::Quoted => "\"Order Status\",\"Order Date\",\"Customer Email\",\"Order Number\",\"Payment Method Title\",\"Item Category\",\"Order Currency\",\"Quantity\",\"Order Total Amount\"\r\n",
    });
    // A multiplicative congruential sequence (Knuth's MMIX constants).
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |bound: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % bound
    };
    for row in 0..ROWS {
        let customer = match shape {
            Shape::Plain => u64::from(row / 7),
            Shape::Quoted => next(u64::from(ROWS / 7)),
        };
        let (month, day, hour, minute) = (1 + next(12), 1 + next(28), next(24), next(60));
        let cents = 500 + next(40_000);
        let category = ["apparel", "beauty", "home", "food"][next(4) as usize];
        let _ = match shape {
            Shape::Plain => writeln!(
                text,
                "{},C{customer:06},2024-{month:02}-{day:02} {hour:02}:{minute:02}:00,{}.{:02},{},{category},{},web,USD",
                1_000_000 + row,
                cents / 100,
                cents % 100,
                ["completed", "paid", "refunded", "cancelled"][next(4) as usize],
                1 + next(3),
            ),
            Shape::Quoted => write!(
                text,
                "\"{}\",\"2024-{month:02}-{day:02} {hour:02}:{minute:02}:00\",\"buyer.{customer:06}@example.com\",{},\"app\",\"{category}\",\"USD\",{},{}.{:02}\r\n",
                ["Completed", "Processing", "Refunded", "Cancelled"][next(4) as usize],
                2_000_000 + row,
                1 + next(3),
                cents / 100,
                cents % 100,
            ),
        };
    }
    text.into_bytes()
}

/// Reads each made-up file as the workers read a user's: sniffed, its first
/// half fed in chunks, its second half read as a range, passed through
/// `round_trip` (the worker's message encoding, which stays the worker's
/// own code) and merged. Returns how many orders were read.
pub fn warm_up_reading(mut round_trip: impl FnMut(RangePart) -> Option<RangePart>) -> Result<usize, IngestError> {
    let mut orders = 0;
    for shape in [Shape::Plain, Shape::Quoted] {
        let file = made_up_file(shape);
        let schema = sniff(
            "warm-up.csv",
            &file[..file.len().min(SNIFF_BYTES)],
            file.len() <= SNIFF_BYTES,
        )?;
        let half = file.len() / 2;
        let window = &file[half..(half + RANGE_PROBE_BYTES).min(file.len())];
        let split = range_start(window, &schema).map_or(file.len(), |at| half + at);
        let (first, second) = file.split_at(split);
        let mut loader = Loader::new();
        let mut parser = loader.open(schema.clone(), file.len() as u64)?;
        for chunk in first.chunks(CHUNK_BYTES) {
            loader.feed(&mut parser, chunk)?;
        }
        let mut range = RangeReader::new(schema, second.len() as u64)?;
        for chunk in second.chunks(CHUNK_BYTES) {
            range.feed(chunk)?;
        }
        let part = round_trip(range.finish(true)?);
        if !matches!(
            part.map(|part| loader.absorb(&mut parser, &part)),
            Some(Absorbed::Merged)
        ) {
            loader.feed(&mut parser, second)?;
        }
        loader.close(parser)?;
        orders += loader.finish().0.orders.len();
    }
    Ok(orders)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_made_up_files_are_read_whole_merged_or_not() {
        let mut parts = 0;
        let merged = warm_up_reading(|part| {
            parts += 1;
            Some(part)
        });
        // Every row is an order of its own, paid or not.
        assert_eq!(merged.expect("read"), 2 * ROWS as usize);
        assert_eq!(parts, 2);
        assert_eq!(warm_up_reading(|_| None).expect("read"), 2 * ROWS as usize);
    }
}
