//! Criterion benchmarks of the hot domain paths: fødselsnummer validation
//! (per keystroke, per claim line) and "date + N working days".

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use frist_domain::calendar::add_working_days;
use frist_domain::ids::{FnrContext, Fodselsnummer};

fn fnr(c: &mut Criterion) {
    let numbers = frist_bench::fodselsnummer(10_000, 1);
    let ctx = FnrContext::production(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    let mut g = c.benchmark_group("fodselsnummer");
    g.throughput(Throughput::Elements(numbers.len() as u64));
    g.bench_function("validate_10k", |b| {
        b.iter(|| {
            numbers
                .iter()
                .filter(|n| Fodselsnummer::validate(black_box(n), &ctx).is_ok())
                .count()
        })
    });
    g.finish();
}

fn workdays(c: &mut Criterion) {
    let pairs = frist_bench::workday_additions(10_000, 2);
    let mut g = c.benchmark_group("working_days");
    g.throughput(Throughput::Elements(pairs.len() as u64));
    g.bench_function("add_10k", |b| {
        b.iter(|| {
            pairs
                .iter()
                .filter_map(|(d, n)| add_working_days(black_box(*d), black_box(*n)).ok())
                .count()
        })
    });
    g.bench_function("add_10_working_days_10k", |b| {
        b.iter(|| {
            pairs
                .iter()
                .filter_map(|(d, _)| add_working_days(black_box(*d), 10).ok())
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, fnr, workdays);
criterion_main!(benches);
