//! The comparison table over seeds (mean ± sample standard deviation per method, from
//! `lwkd::distill::stats`), each teacher's cost beside the heavy one, and which differences from CE are
//! larger than twice the pooled seed-to-seed spread.

use lwkd::data::Target;
use lwkd::distill::stats::{cost_vs_heavy, pooled_std, summarize, verdicts};
use lwkd::pipeline::Config;
use lwkd::pipeline::url::to_query;
use lwkd::protocol::MethodResult;

/// The line above a table: what ran, and the link that runs it in the page.
pub fn print_header(cfg: &Config, target: &Target, results: &[MethodResult]) {
    println!(
        "\n{} · student: {} ({} weights) · {} seed(s) from {}, lightweight teachers: {} · settings: ?{}",
        target.kind.label(),
        cfg.student.label(),
        results.first().map_or(0, |r| r.params),
        cfg.seeds,
        cfg.seed,
        cfg.teachers.label(),
        to_query(cfg)
    );
}

/// Prints the markdown table of `results` (every method on every seed), a row per method, and the
/// verdicts.
pub fn print_table(results: &[MethodResult]) {
    let stats = summarize(results);
    println!(
        "| method | test accuracy (%) | train accuracy (%) | teacher time (s) | teacher cost vs heavy | distillation time (s) | total (s) |"
    );
    println!("|---|---|---|---|---|---|---|");
    for s in &stats {
        let ratio = cost_vs_heavy(&stats, s).map_or("—".into(), |r| format!("{r:.2}×"));
        println!(
            "| {} | {} | {} | {} | {} | {} | {} |",
            s.method.label(),
            s.test_acc.text(100.0, 2, s.seeds),
            s.train_acc.text(100.0, 1, s.seeds),
            s.teacher_s.text(1.0, 1, s.seeds),
            ratio,
            s.distill_s.text(1.0, 1, s.seeds),
            s.total_s.text(1.0, 1, s.seeds),
        );
    }
    for s in &stats {
        if let Some(h) = s.heavy_acc {
            println!(
                "\nheavy teacher's own test accuracy: {} %",
                h.text(100.0, 2, s.seeds)
            );
        }
    }
    if let Some(p) = pooled_std(&stats) {
        println!("\npooled std of test accuracy: {:.2} points", p * 100.0);
        for v in verdicts(&stats) {
            let word = if v.real { "REAL" } else { "within noise" };
            println!(
                "{} vs CE: {:+.2} points ({word})",
                v.method.label(),
                v.diff * 100.0
            );
        }
    }
}
