//! What stands in LW-KD's teacher's place: the bank of its outputs (seeded, reproducible, each row of
//! its sample's class), and the controls — a uniform teacher is label smoothing at ε = 1; a shuffled
//! teacher is the trained one with its classes renamed, rows and columns.

use crate::common;

use burn::prelude::*;
use futures::executor::block_on;
use lwkd::data::SynthSet;
use lwkd::data::rng::Stream;
use lwkd::distill::compare::targets_for;
use lwkd::distill::losses::smoothing_table;
use lwkd::distill::targets::Rename;
use lwkd::distill::{DistillConfig, LightTeacher, TargetSource, TeacherInput};
use lwkd::model::LeNet5;
use lwkd::pipeline::Config;
use lwkd::protocol::{CallbackHost, Event, Method};
use lwkd::train::train_teacher;

fn teacher(digits: &(lwkd::data::ImageSet, lwkd::data::ImageSet)) -> LeNet5 {
    let cfg = Config::default();
    let set = SynthSet::generate(cfg.synth(), &digits.0, &digits.1).unwrap();
    let mut host = CallbackHost(|_: &Event| {});
    block_on(train_teacher(
        &set,
        &cfg.teacher(),
        &Device::flex(),
        &mut host,
    ))
    .unwrap()
    .model
}

/// `method`'s soft targets for the default settings with `input`.
fn targets<'a>(
    method: Method,
    light: &'a LightTeacher<'a>,
    cfg: &DistillConfig,
) -> TargetSource<'a> {
    let train = lwkd::data::ImageSet {
        rows: 28,
        cols: 28,
        labels: Vec::new(),
        pixels: Vec::new(),
    };
    let (source, _) = targets_for(
        method,
        10,
        &train,
        None,
        Some(light),
        None,
        cfg,
        &Device::flex(),
    )
    .unwrap();
    source
}

fn rows(t: &Tensor<2>) -> Vec<Vec<f32>> {
    let k = t.dims()[1];
    t.clone()
        .into_data()
        .iter::<f32>()
        .collect::<Vec<_>>()
        .chunks(k)
        .map(<[f32]>::to_vec)
        .collect()
}

#[test]
fn the_uniform_teacher_is_label_smoothing_at_epsilon_one() {
    let digits = common::digits();
    let model = teacher(&digits);
    let light = LightTeacher {
        model: &model,
        classes: 10,
        digits: &digits.0,
        max_shift: 2,
        cost_s: 0.0,
        seed: 42,
    };
    let TargetSource::Table(t) = targets(Method::LwKdUniform, &light, &Config::default().distill())
    else {
        panic!("a fixed table")
    };
    let table = smoothing_table(10, 1.0);
    let got: Vec<f32> = rows(&t).concat();
    assert_eq!(got, table);
    assert!(got.iter().all(|&p| (p - 0.1).abs() < 1e-6));
}

#[test]
fn the_shuffled_teacher_is_the_trained_one_with_its_classes_renamed() {
    let digits = common::digits();
    let model = teacher(&digits);
    let light = LightTeacher {
        model: &model,
        classes: 10,
        digits: &digits.0,
        max_shift: 2,
        cost_s: 0.0,
        seed: 42,
    };
    for input in [TeacherInput::Bank, TeacherInput::ClassMean] {
        let cfg = Config {
            teacher_input: input,
            ..Config::default()
        }
        .distill();
        let per_class = match input {
            TeacherInput::Bank => cfg.bank_per_class,
            _ => 1,
        };
        let table = |m| match targets(m, &light, &cfg) {
            TargetSource::Bank { rows: r, .. } | TargetSource::Table(r) => rows(&r),
            _ => panic!("a table or a bank"),
        };
        let (trained, shuffled) = (table(Method::LwKd), table(Method::LwKdShuffled));
        let Rename(pi) = Rename::random(10, &mut Stream::ClassShuffle.rng(cfg.seed));
        assert!((0..10).all(|y| pi[y] != y), "every class renamed: {pi:?}");
        for y in 0..10 {
            for m in 0..per_class {
                for j in 0..10 {
                    assert_eq!(
                        shuffled[y * per_class + m][j],
                        trained[pi[y] * per_class + m][pi[j]],
                        "{input:?}: row {y}·{m}, column {j}"
                    );
                }
            }
            // The renamed target still says "class y" most: only the rest is scrambled.
            let mean: Vec<f32> = (0..10)
                .map(|j| (0..per_class).map(|m| shuffled[y * per_class + m][j]).sum())
                .collect();
            let top = (0..10)
                .max_by(|&a, &b| mean[a].total_cmp(&mean[b]))
                .unwrap();
            assert_eq!(top, y, "{input:?}: class {y}'s targets peak at {top}");
        }
    }
}

#[test]
fn the_bank_draws_each_sample_a_row_of_its_class_the_same_for_the_same_seed() {
    let digits = common::digits();
    let model = teacher(&digits);
    let light = LightTeacher {
        model: &model,
        classes: 10,
        digits: &digits.0,
        max_shift: 2,
        cost_s: 0.0,
        seed: 42,
    };
    let labels: Vec<u8> = (0..64).map(|i| (i * 7 % 10) as u8).collect();
    let index: Vec<u32> = (0..64).collect();
    let draw = |seed: u64| {
        let cfg = Config {
            seed,
            ..Config::default()
        }
        .distill();
        let mut source = targets(Method::LwKd, &light, &cfg);
        let bank = match &source {
            TargetSource::Bank { rows: r, .. } => rows(r),
            _ => panic!("the default teacher input is the bank"),
        };
        let y = Tensor::<1, Int>::from_data(
            TensorData::new(labels.iter().map(|&l| l as i64).collect::<Vec<_>>(), [64]),
            &Device::flex(),
        );
        let picked = rows(&source.batch(&index, &labels, y).unwrap());
        (bank, picked)
    };
    let (bank, first) = draw(42);
    let per_class = bank.len() / 10;
    assert_eq!(per_class, Config::default().distill().bank_per_class);
    for (row, &y) in first.iter().zip(&labels) {
        let block = &bank[y as usize * per_class..(y as usize + 1) * per_class];
        assert!(block.contains(row), "a row of class {y}'s block");
    }
    assert_eq!(draw(42).1, first, "the same seed draws the same rows");
    assert_ne!(draw(43).1, first, "another seed draws others");
    // Rows vary within a class: instance-varying targets, not one row per class.
    let class0: Vec<&Vec<f32>> = first
        .iter()
        .zip(&labels)
        .filter(|(_, y)| **y == 0)
        .map(|(r, _)| r)
        .collect();
    assert!(class0.windows(2).any(|w| w[0] != w[1]));
}
