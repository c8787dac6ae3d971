//! A comparison over seeds: mean ± sample standard deviation per method, which differences are larger
//! than the seed-to-seed noise, and what each teacher costs beside the heavy one. The page's table, its
//! error bars and the CLI's table all come from here.

use serde::{Deserialize, Serialize};

use crate::protocol::{Method, MethodResult};

/// Mean and sample standard deviation (0 for a single value).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Spread {
    pub mean: f32,
    pub std: f32,
}

impl Spread {
    /// "83.21", or "83.21 ± 0.40" over several seeds, after multiplying by `scale`.
    pub fn text(&self, scale: f32, digits: usize, seeds: usize) -> String {
        match seeds {
            1 => format!("{:.*}", digits, self.mean * scale),
            _ => format!(
                "{:.*} ± {:.*}",
                digits,
                self.mean * scale,
                digits,
                self.std * scale
            ),
        }
    }

    pub fn of(xs: &[f32]) -> Self {
        let n = xs.len();
        if n == 0 {
            return Self::default();
        }
        let mean = xs.iter().sum::<f32>() / n as f32;
        let var = match n {
            1 => 0.0,
            _ => xs.iter().map(|x| (x - mean).powi(2)).sum::<f32>() / (n - 1) as f32,
        };
        Self {
            mean,
            std: var.sqrt(),
        }
    }
}

/// One method over its seeds.
#[derive(Debug, Clone, PartialEq)]
pub struct MethodStats {
    pub method: Method,
    pub seeds: usize,
    pub test_acc: Spread,
    pub train_acc: Spread,
    pub teacher_s: Spread,
    pub distill_s: Spread,
    pub total_s: Spread,
    /// The heavy teacher's own test accuracy (vanilla KD), over seeds.
    pub heavy_acc: Option<Spread>,
    /// Per epoch: (train accuracy, test accuracy on the per-epoch sample) over seeds.
    pub curve: Vec<(Spread, Spread)>,
}

/// Each method of `results` (any seeds, any order), in the order the methods first appear.
pub fn summarize(results: &[MethodResult]) -> Vec<MethodStats> {
    let mut order: Vec<Method> = Vec::new();
    for r in results {
        if !order.contains(&r.method) {
            order.push(r.method);
        }
    }
    order
        .into_iter()
        .map(|method| {
            let rs: Vec<&MethodResult> = results.iter().filter(|r| r.method == method).collect();
            let col = |f: fn(&MethodResult) -> f32| {
                Spread::of(&rs.iter().map(|r| f(r)).collect::<Vec<_>>())
            };
            let epochs = rs.iter().map(|r| r.curve.len()).min().unwrap_or(0);
            let curve = (0..epochs)
                .map(|e| {
                    let at = |f: fn(&crate::protocol::EpochPoint) -> f32| {
                        Spread::of(&rs.iter().map(|r| f(&r.curve[e])).collect::<Vec<_>>())
                    };
                    (at(|p| p.train_acc), at(|p| p.test_acc))
                })
                .collect();
            MethodStats {
                method,
                seeds: rs.len(),
                test_acc: col(|r| r.test_acc),
                train_acc: col(|r| r.train_acc),
                teacher_s: col(|r| r.teacher_s),
                distill_s: col(|r| r.distill_s),
                total_s: col(|r| r.total_s),
                heavy_acc: {
                    let accs: Vec<f32> = rs.iter().filter_map(|r| r.heavy_acc).collect();
                    (!accs.is_empty()).then(|| Spread::of(&accs))
                },
                curve,
            }
        })
        .collect()
}

/// The pooled seed-to-seed standard deviation of the final test accuracy (root of the mean variance),
/// or None with fewer than two seeds per method.
pub fn pooled_std(stats: &[MethodStats]) -> Option<f32> {
    let with_seeds: Vec<&MethodStats> = stats.iter().filter(|s| s.seeds > 1).collect();
    if with_seeds.is_empty() {
        return None;
    }
    let var = with_seeds
        .iter()
        .map(|s| s.test_acc.std.powi(2))
        .sum::<f32>()
        / with_seeds.len() as f32;
    Some(var.sqrt())
}

/// A method's test accuracy against plain CE's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    pub method: Method,
    /// Mean test accuracy minus CE's (a fraction, e.g. 0.021 = 2.1 points).
    pub diff: f32,
    /// |diff| > 2 × the pooled standard deviation.
    pub real: bool,
}

/// Every method against CE, when CE ran and there are seeds to tell noise from a difference.
pub fn verdicts(stats: &[MethodStats]) -> Vec<Verdict> {
    let (Some(ce), Some(pooled)) = (
        stats.iter().find(|s| s.method == Method::Ce),
        pooled_std(stats),
    ) else {
        return Vec::new();
    };
    stats
        .iter()
        .filter(|s| s.method != Method::Ce)
        .map(|s| {
            let diff = s.test_acc.mean - ce.test_acc.mean;
            Verdict {
                method: s.method,
                diff,
                real: diff.abs() > 2.0 * pooled,
            }
        })
        .collect()
}

/// A method's mean teacher time as a multiple of the heavy teacher's (vanilla KD's), when both ran and
/// the method has a teacher.
pub fn cost_vs_heavy(stats: &[MethodStats], s: &MethodStats) -> Option<f32> {
    let heavy = stats.iter().find(|h| h.method.uses_heavy_teacher())?;
    (s.teacher_s.mean > 0.0 && heavy.teacher_s.mean > 0.0)
        .then(|| s.teacher_s.mean / heavy.teacher_s.mean)
}
