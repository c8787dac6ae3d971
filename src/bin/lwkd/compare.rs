//! `lwkd compare`: the whole pipeline per seed, and the comparison table over seeds.

use std::path::PathBuf;

use lwkd::data::TargetKind;
use lwkd::data::local::{load_digits, load_target};
use lwkd::distill::{DistillConfig, LightTeacher, Method, MethodResult, TeacherInput, compare};
use lwkd::model::StudentKind;
use lwkd::pipeline::host::CallbackHost;
use lwkd::pipeline::{Config, stages};
use lwkd::train::train_teacher;

use super::cli::{Backend, device, print_event};

fn parse_target(s: &str) -> Result<TargetKind, String> {
    TargetKind::from_key(s).ok_or_else(|| format!("unknown target {s:?} (fashion or mnist)"))
}

fn parse_method(s: &str) -> Result<Method, String> {
    Method::from_key(s).ok_or_else(|| {
        let keys: Vec<_> = Method::ALL.iter().map(|m| m.key()).collect();
        format!("unknown method {s:?} (one of {})", keys.join(", "))
    })
}

fn parse_student(s: &str) -> Result<StudentKind, String> {
    StudentKind::from_key(s).ok_or_else(|| format!("unknown student {s:?} (cnn or mlp)"))
}

fn parse_input(s: &str) -> Result<TeacherInput, String> {
    TeacherInput::from_key(s)
        .ok_or_else(|| format!("unknown teacher input {s:?} (instance or mean)"))
}

#[derive(clap::Args)]
pub struct CompareArgs {
    /// Target dataset: fashion or mnist.
    #[arg(long, default_value = "fashion", value_parser = parse_target)]
    target: TargetKind,
    /// Your own images instead: a folder (or .zip) with one sub-folder of images per class.
    #[arg(long)]
    own: Option<PathBuf>,
    /// Write each method's student (last seed) to DIR/<method>.bpk (Burn's burnpack format).
    #[arg(long, value_name = "DIR")]
    save_weights: Option<PathBuf>,
    /// Number of seeds (seed, seed + 1, …); the table shows mean ± std over them.
    #[arg(long, default_value_t = 1)]
    seeds: u64,
    /// First seed.
    #[arg(long, default_value_t = Config::default().seed)]
    seed: u64,
    /// Methods, in order: lwkd, lwkd-noadv, ce, ls, tfkd, kd.
    #[arg(long, value_delimiter = ',', value_parser = parse_method,
          default_value = "lwkd,lwkd-noadv,ce,ls,tfkd,kd")]
    methods: Vec<Method>,
    /// Student preset: cnn or mlp.
    #[arg(long, default_value = "cnn", value_parser = parse_student)]
    student: StudentKind,
    /// Teacher input: instance (a fresh synthesized image per sample) or mean (class-mean output).
    #[arg(long, default_value = "instance", value_parser = parse_input)]
    teacher_input: TeacherInput,
    #[arg(long, default_value_t = DistillConfig::default().epochs)]
    epochs: usize,
    #[arg(long, default_value_t = DistillConfig::default().train_per_class)]
    train_per_class: usize,
    #[arg(long, default_value_t = DistillConfig::default().temperature)]
    temperature: f64,
    #[arg(long, default_value_t = DistillConfig::default().alpha)]
    alpha: f64,
    #[arg(long, default_value_t = DistillConfig::default().beta)]
    beta: f64,
    #[arg(long, default_value_t = DistillConfig::default().heavy_epochs)]
    heavy_epochs: usize,
    /// Synthesized images per class for the lightweight teacher.
    #[arg(long, default_value_t = Config::default().per_class)]
    per_class: usize,
    #[arg(long, default_value_t = Config::default().teacher_epochs)]
    teacher_epochs: usize,
    #[arg(long, value_enum, default_value_t = Backend::Flex)]
    backend: Backend,
    #[arg(long, default_value = "public/data")]
    data_dir: PathBuf,
    /// Print every run as JSON at the end.
    #[arg(long)]
    json: bool,
}

fn save_weights(dir: &std::path::Path, results: &[MethodResult]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for r in results {
        let path = dir.join(format!("{}.bpk", r.method.key()));
        std::fs::write(&path, &r.weights)?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

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

fn print_table(runs: &[Vec<MethodResult>], methods: &[Method]) {
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

pub fn run(a: &CompareArgs) -> i32 {
    let Some(device) = device(a.backend) else {
        return 1;
    };
    let (digits, heldout) = match load_digits(&a.data_dir) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    let target = match &a.own {
        Some(path) => match lwkd::data::own::decode::load(path) {
            Ok((t, notes)) => {
                for n in notes {
                    eprintln!("note: {n}");
                }
                eprintln!(
                    "your images: {} classes ({}), {} training and {} test images",
                    t.classes(),
                    t.class_names.join(", "),
                    t.train.len(),
                    t.test.len()
                );
                t
            }
            Err(e) => {
                eprintln!("error: {}: {e}", path.display());
                return 1;
            }
        },
        None => match load_target(&a.data_dir, a.target) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {e}");
                return 1;
            }
        },
    };
    let mut runs = Vec::new();
    let mut host = CallbackHost(print_event);
    for seed in a.seed..a.seed + a.seeds.max(1) {
        let cfg = Config {
            classes: target.classes(),
            per_class: a.per_class,
            teacher_epochs: a.teacher_epochs,
            seed,
            ..Config::default()
        };
        if let Some(e) = cfg.validate().into_iter().next() {
            eprintln!("error: --{}: {}", e.field.replace('_', "-"), e.message);
            return 2;
        }
        let dcfg = DistillConfig {
            student: a.student,
            train_per_class: a.train_per_class,
            epochs: a.epochs,
            temperature: a.temperature,
            alpha: a.alpha,
            beta: a.beta,
            teacher_input: a.teacher_input,
            heavy_epochs: a.heavy_epochs,
            seed,
            ..DistillConfig::default()
        };
        eprintln!("== seed {seed}");
        let needs_teacher = a.methods.iter().any(|m| m.uses_light_teacher());
        let mut teacher = None;
        let mut cost = 0.0;
        if needs_teacher {
            let Some((set, synth_s)) =
                stages::synthesize(cfg.synth(), &digits, &heldout, &mut host)
            else {
                return 1;
            };
            let Ok(t) = futures::executor::block_on(train_teacher(
                &set,
                &cfg.teacher(),
                &device,
                &mut host,
            )) else {
                return 1;
            };
            cost = synth_s + t.seconds;
            teacher = Some(t);
        }
        let light = teacher.as_ref().map(|t| LightTeacher {
            model: &t.model,
            classes: cfg.classes,
            digits: &digits,
            max_shift: cfg.synth().max_shift,
            cost_s: cost,
        });
        let results = futures::executor::block_on(compare(
            &a.methods,
            &target,
            light.as_ref(),
            &dcfg,
            &device,
            &mut host,
        ));
        let Ok(results) = results else { return 1 };
        if results.len() != a.methods.len() {
            return 1;
        }
        runs.push(results);
    }
    println!(
        "\n{} · student: {} ({} weights) · {} seed(s) from {} · {} images/class × {} epoch(s) · T = {}, α = {}, β = {}, teacher input: {}",
        target.kind.label(),
        a.student.label(),
        runs[0][0].params,
        a.seeds,
        a.seed,
        a.train_per_class,
        a.epochs,
        a.temperature,
        a.alpha,
        a.beta,
        a.teacher_input.key()
    );
    print_table(&runs, &a.methods);
    if let Some(dir) = &a.save_weights
        && let Err(e) = save_weights(dir, runs.last().expect("one run per seed"))
    {
        eprintln!("error: {}: {e}", dir.display());
        return 1;
    }
    if a.json {
        let all: Vec<&MethodResult> = runs.iter().flatten().collect();
        let slim: Vec<_> = all
            .iter()
            .map(|r| {
                serde_json::json!({"method": r.method.key(), "test_acc": r.test_acc, "train_acc": r.train_acc,
                "teacher_s": r.teacher_s, "distill_s": r.distill_s, "total_s": r.total_s, "curve": r.curve})
            })
            .collect();
        println!("{}", serde_json::to_string(&slim).unwrap_or_default());
    }
    0
}
