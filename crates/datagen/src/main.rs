//! `segscope-datagen`: writes deterministic, realistic e-commerce exports (orders, customers,
//! events) and their ground truth (truth.json) for Segscope demos, tests and benchmarks.
//!
//! `cargo run --release -p segscope-datagen -- --customers N --seed S [options] OUTDIR`

mod config;
mod dirty;
mod dist;
mod events;
mod feedback;
mod format;
mod generate;
mod orders;
mod people;
mod render;
mod timeline;
mod truth;
mod vocab;
mod writer;
mod xlsx;

use config::{Parsed, USAGE};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let cfg = match config::parse(std::env::args().skip(1)) {
        Ok(Parsed::Run(cfg)) => cfg,
        Ok(Parsed::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    match generate::run(&cfg) {
        Ok(stats) => {
            for s in &stats {
                let mb = s.bytes as f64 / 1e6;
                println!("{:<14} {:>10} rows {:>10.2} MB", s.name, s.rows, mb);
            }
            let secs = started.elapsed().as_secs_f64();
            println!("written to {} in {secs:.2} s", cfg.out_dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
