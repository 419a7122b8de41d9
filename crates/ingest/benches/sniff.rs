//! Native benchmark of the first look at a file (docs/ingest/roles.md): the
//! encoding chosen among candidates, the delimiter, the sample rows profiled,
//! the file kind and the column roles, over a full 256 KB sniff prefix. The
//! budget is 30 ms per file natively.
//!
//! Inputs are the real-export fixtures (invented rows in each platform's
//! layout) with their data rows repeated until the prefix is full:
//! `cargo bench -p segscope-ingest --bench sniff`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use segscope_ingest::{sniff, SNIFF_BYTES};
use std::hint::black_box;
use std::path::PathBuf;

/// The fixture's header line, then its data lines repeated to `SNIFF_BYTES`.
fn filled_prefix(path: &str) -> Vec<u8> {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/real")
        .join(path);
    let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let header_end = bytes.iter().position(|b| *b == b'\n').map_or(bytes.len(), |i| i + 1);
    let (header, body) = bytes.split_at(header_end);
    let mut out = header.to_vec();
    while out.len() < SNIFF_BYTES && !body.is_empty() {
        out.extend_from_slice(body);
    }
    out.truncate(SNIFF_BYTES);
    out
}

fn bench_sniff(c: &mut Criterion) {
    let files = [
        (
            "shopify orders (UTF-8, 70+ columns, line items)",
            "shopify/orders_export_1.csv",
        ),
        ("GBK header-only", "cn-header-only-gbk/CDNOW用户消费记录.csv"),
        ("Latin-1 Spanish, ;", "tiendanube/ventas.csv"),
        (
            "UCI Online Retail (ambiguous dates)",
            "uci-online-retail/Online Retail.csv",
        ),
        ("淘宝 GBK (40+ columns)", "taobao/ExportOrderList202406011030.csv"),
    ];
    let mut group = c.benchmark_group("sniff_256k");
    group.throughput(Throughput::Bytes(SNIFF_BYTES as u64));
    for (name, path) in files {
        let prefix = filled_prefix(path);
        group.bench_function(name, |b| {
            b.iter(|| black_box(sniff("f.csv", black_box(&prefix), false)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_sniff);
criterion_main!(benches);
