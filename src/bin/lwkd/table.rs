//! The comparison table over seeds: mean ± sample standard deviation per method.

use lwkd::distill::{Method, MethodResult};

fn mean_std(xs: &[f32]) -> (f32, f32) {
    let n = xs.len() as f32;
    let mean = xs.iter().sum::<f32>() / n;
    let var = if xs.len() > 1 {
        xs.iter().map(|x| (x - mean).powi(2)).sum::<f32>() / (n - 1.0)
    } else {
        0.0
    };
    (mean, var.sqrt())
}

/// Prints the markdown table of `runs` (one list of results per seed), a row per method.
pub fn print_table(runs: &[Vec<MethodResult>], methods: &[Method]) {
    let cell = |xs: Vec<f32>, scale: f32, digits: usize| {
        let (m, s) = mean_std(&xs);
        if xs.len() > 1 {
            format!("{:.*} ± {:.*}", digits, m * scale, digits, s * scale)
        } else {
            format!("{:.*}", digits, m * scale)
        }
    };
    println!(
        "| method | test accuracy (%) | teacher time (s) | distillation time (s) | total (s) |"
    );
    println!("|---|---|---|---|---|");
    for &m in methods {
        let rs: Vec<&MethodResult> = runs
            .iter()
            .flat_map(|r| r.iter().filter(move |x| x.method == m))
            .collect();
        if rs.is_empty() {
            continue;
        }
        let col = |f: fn(&MethodResult) -> f32| rs.iter().map(|r| f(r)).collect::<Vec<_>>();
        println!(
            "| {} | {} | {} | {} | {} |",
            m.label(),
            cell(col(|r| r.test_acc), 100.0, 2),
            cell(col(|r| r.teacher_s), 1.0, 1),
            cell(col(|r| r.distill_s), 1.0, 1),
            cell(col(|r| r.total_s), 1.0, 1),
        );
    }
}
