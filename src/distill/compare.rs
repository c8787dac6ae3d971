//! Stage 3 as a whole: the chosen methods, one after another, on the same student, data subset, budget
//! and seed, each with its cost (teacher time + distillation time).

use burn::prelude::*;
use burn::tensor::activation::softmax;
use serde::{Deserialize, Serialize};

use super::losses::{smoothing_table, tfkd_table};
use super::targets::{class_mean_table, draw_batch, table_tensor};
use super::train::{EpochPoint, TrainSpec, Trained, train_net};
use super::{DistillConfig, Method, TargetSource, TeacherInput};
use crate::data::batch::images_tensor;
use crate::data::rng::data_rng;
use crate::data::synth::{NumeralDrawer, SIDE};
use crate::data::target::first_per_class;
use crate::data::{ImageSet, Target};
use crate::model::{Arch, LeNet5, Net, StudentKind, WeightsInfo, export, parameter_count};
use crate::pipeline::{Cancelled, Event, Host, Stage};

const STREAM_TEACHER_DRAWS: u64 = 5;
const STREAM_CLASS_MEAN: u64 = 7;
const STREAM_SHOWCASE: u64 = 8;
/// Test images shown in the soft-target view.
pub const SHOWCASE: usize = 4;

/// The lightweight teacher of stages 1–2, ready to teach.
pub struct LightTeacher<'a> {
    /// Frozen, on the device the students train on.
    pub model: &'a LeNet5,
    pub classes: usize,
    /// The training digits the synthesizer draws from (fresh draws per sample).
    pub digits: &'a ImageSet,
    pub max_shift: u32,
    /// Synthesis + teacher training time: LW-KD's teacher cost.
    pub cost_s: f32,
}

/// One method's outcome, as the table and the charts need it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MethodResult {
    pub method: Method,
    pub student: StudentKind,
    pub params: usize,
    pub test_acc: f32,
    pub train_acc: f32,
    pub teacher_s: f32,
    pub distill_s: f32,
    pub total_s: f32,
    pub curve: Vec<EpochPoint>,
    pub test_predictions: Vec<u8>,
    /// The student's output distribution (T = 1) on each showcase test image.
    pub showcase: Vec<Vec<f32>>,
    /// The trained student as a burnpack file (see `model::weights`); not kept in browser storage.
    #[serde(skip)]
    pub weights: Vec<u8>,
}

/// The soft-target picture: for a few test images, what each kind of teacher would ask of the student.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Showcase {
    /// Indices into the target's test split.
    pub indices: Vec<usize>,
    pub temperature: f64,
    /// The synthesized numeral the lightweight teacher saw for each (per-instance mode), 28 × cols.
    pub synth_images: Vec<Vec<u8>>,
    pub synth_cols: usize,
    /// The lightweight teacher's soft target softmax(z/T) (empty without a teacher).
    pub teacher: Vec<Vec<f32>>,
    /// Tf-KD_reg's hand-made distribution for the image's class.
    pub tfkd: Vec<Vec<f32>>,
}

/// The showcase test images: the first test image of classes spread over 0..K.
pub fn showcase_indices(test: &ImageSet, classes: usize) -> Vec<usize> {
    let wanted: Vec<u8> = (0..SHOWCASE.min(classes))
        .map(|i| (i * classes / SHOWCASE.min(classes)) as u8)
        .collect();
    wanted
        .iter()
        .filter_map(|&c| test.labels.iter().position(|&l| l == c))
        .collect()
}

/// Why a comparison cannot start.
pub fn check(
    methods: &[Method],
    target: &Target,
    light: Option<&LightTeacher>,
) -> Result<(), String> {
    if methods.is_empty() {
        return Err("tick at least one method".into());
    }
    if methods.iter().any(|m| m.uses_light_teacher()) {
        match light {
            None => {
                return Err("LW-KD needs the lightweight teacher: train it in step 2 first".into());
            }
            Some(l) if l.classes != target.classes() => {
                return Err(format!(
                    "the teacher knows {} classes but {} has {}: synthesize K = {} and retrain the teacher",
                    l.classes,
                    target.kind.label(),
                    target.classes(),
                    target.classes()
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

pub async fn showcase(
    target: &Target,
    light: Option<&LightTeacher<'_>>,
    cfg: &DistillConfig,
) -> Showcase {
    let k = target.classes();
    let indices = showcase_indices(&target.test, k);
    let tf = tfkd_table(k, cfg.tfkd_a, cfg.tfkd_temperature);
    let tfkd = indices
        .iter()
        .map(|&i| {
            let y = target.test.labels[i] as usize;
            tf[y * k..(y + 1) * k].to_vec()
        })
        .collect();
    let (mut synth_images, mut teacher, mut synth_cols) = (Vec::new(), Vec::new(), SIDE);
    if let Some(l) = light
        && let Ok(drawer) = NumeralDrawer::new(l.digits, l.classes, l.max_shift)
    {
        synth_cols = drawer.cols();
        let labels: Vec<u8> = indices.iter().map(|&i| target.test.labels[i]).collect();
        let mut rng = data_rng(cfg.seed, STREAM_SHOWCASE);
        let bytes = draw_batch(&drawer, &labels, &mut rng);
        let device = l.model_device();
        let x = crate::data::batch::pixels_tensor(&bytes, SIDE, synth_cols, &device);
        let p = softmax(l.model.forward(x).div_scalar(cfg.temperature), 1);
        let p = crate::train::readback::floats(p).await.unwrap_or_default();
        let px = SIDE * synth_cols;
        synth_images = bytes.chunks(px).map(<[u8]>::to_vec).collect();
        teacher = p.chunks(k).map(<[f32]>::to_vec).collect();
    }
    Showcase {
        indices,
        temperature: cfg.temperature,
        synth_images,
        synth_cols,
        teacher,
        tfkd,
    }
}

impl LightTeacher<'_> {
    fn model_device(&self) -> Device {
        self.model
            .devices()
            .into_iter()
            .next()
            .unwrap_or_else(Device::flex)
    }
}

async fn student_outputs(
    model: &Net,
    test: &ImageSet,
    indices: &[usize],
    device: &Device,
) -> Vec<Vec<f32>> {
    if indices.is_empty() {
        return Vec::new();
    }
    let idx: Vec<u32> = indices.iter().map(|&i| i as u32).collect();
    let p = softmax(model.forward(images_tensor(test, &idx, device)), 1);
    let k = p.dims()[1];
    crate::train::readback::floats(p)
        .await
        .unwrap_or_default()
        .chunks(k)
        .map(<[f32]>::to_vec)
        .collect()
}

/// Runs `methods` in order and returns their results (also emitted as [`Event::MethodDone`] as each
/// finishes, so a cancelled comparison keeps what it finished).
pub async fn compare(
    methods: &[Method],
    target: &Target,
    light: Option<&LightTeacher<'_>>,
    cfg: &DistillConfig,
    device: &Device,
    host: &mut impl Host,
) -> Result<Vec<MethodResult>, Cancelled> {
    let k = target.classes();
    if let Err(message) = check(methods, target, light) {
        host.emit(Event::Failed {
            stage: Stage::Student(methods.first().copied().unwrap_or(Method::LwKd)),
            message,
        });
        return Ok(Vec::new());
    }
    let train = first_per_class(&target.train, k, cfg.train_per_class);
    let test = &target.test;
    let show = showcase_indices(test, k);
    let arch = Arch::Student(cfg.student);
    let params = parameter_count(arch, k);
    let mut heavy: Option<Trained> = None;
    let mut results = Vec::new();

    for &method in methods {
        if method.uses_heavy_teacher() && heavy.is_none() {
            let spec = TrainSpec {
                arch: Arch::Heavy,
                method: Method::Ce,
                stage: Stage::HeavyTeacher,
                train: &train,
                test,
                classes: k,
                epochs: cfg.heavy_epochs,
            };
            heavy = Some(train_net(spec, TargetSource::None, cfg, device, host).await?);
        }
        let (targets, teacher_s) = match method {
            Method::Ce => (TargetSource::None, 0.0),
            Method::LabelSmoothing => (
                TargetSource::Table(table_tensor(smoothing_table(k, cfg.smoothing), k, device)),
                0.0,
            ),
            Method::TfKdReg => (
                TargetSource::Table(table_tensor(
                    tfkd_table(k, cfg.tfkd_a, cfg.tfkd_temperature),
                    k,
                    device,
                )),
                0.0,
            ),
            Method::VanillaKd => {
                let h = heavy.as_ref().expect("trained above");
                (
                    TargetSource::HeavyTeacher {
                        teacher: &h.model,
                        temperature: cfg.temperature,
                    },
                    h.seconds,
                )
            }
            Method::LwKd | Method::LwKdNoAdv => {
                let l = light.expect("checked above");
                let drawer = NumeralDrawer::new(l.digits, l.classes, l.max_shift)
                    .expect("the digit source was checked when the set was synthesized");
                let source = match cfg.teacher_input {
                    TeacherInput::PerInstance => TargetSource::LightTeacher {
                        teacher: l.model,
                        drawer,
                        rng: data_rng(cfg.seed, STREAM_TEACHER_DRAWS),
                        temperature: cfg.temperature,
                    },
                    TeacherInput::ClassMean => TargetSource::Table(class_mean_table(
                        l.model,
                        &drawer,
                        k,
                        cfg.class_mean_draws,
                        cfg.temperature,
                        &mut data_rng(cfg.seed, STREAM_CLASS_MEAN),
                        device,
                    )),
                };
                (source, l.cost_s)
            }
        };
        let spec = TrainSpec {
            arch,
            method,
            stage: Stage::Student(method),
            train: &train,
            test,
            classes: k,
            epochs: cfg.epochs,
        };
        let trained = train_net(spec, targets, cfg, device, host).await?;
        let info = WeightsInfo {
            arch,
            class_names: target.class_names.clone(),
            target: target.kind.label().to_string(),
            method: method.label().to_string(),
            test_acc: trained.test_acc,
        };
        // A failed export costs only the download button, not the run.
        let weights = export(&trained.model, &info).await.unwrap_or_default();
        let result = MethodResult {
            method,
            student: cfg.student,
            params,
            test_acc: trained.test_acc,
            train_acc: trained.train_acc,
            teacher_s,
            distill_s: trained.seconds,
            total_s: teacher_s + trained.seconds,
            curve: trained.curve,
            test_predictions: trained.test_predictions,
            showcase: student_outputs(&trained.model, test, &show, device).await,
            weights,
        };
        host.emit(Event::MethodDone(Box::new(result.clone())));
        results.push(result);
    }
    Ok(results)
}
