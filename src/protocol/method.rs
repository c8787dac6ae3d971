//! The methods a comparison runs (METHOD.md "Baselines"), and the controls that put something else in
//! LW-KD's teacher's place: the names its rows and stages go by.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Method {
    /// CE + T²·KL to the lightweight teacher + β·adversarial term.
    LwKd,
    /// The ablation: LW-KD with β = 0.
    LwKdNoAdv,
    /// Control: LW-KD with the same LeNet-5 untrained (random weights) as its teacher.
    LwKdUntrained,
    /// Control: LW-KD with the trained teacher's classes renamed by a random permutation.
    LwKdShuffled,
    /// Control: LW-KD with a teacher that answers 1/K for every class.
    LwKdUniform,
    /// Hard labels only.
    Ce,
    /// Targets (1 − ε)·onehot + ε/K.
    LabelSmoothing,
    /// Teacher-free KD with the hand-made virtual teacher.
    TfKdReg,
    /// Hinton's KD with a heavy teacher trained on the target first.
    VanillaKd,
}

impl Method {
    pub const ALL: [Self; 9] = [
        Self::LwKd,
        Self::LwKdNoAdv,
        Self::LwKdUntrained,
        Self::LwKdShuffled,
        Self::LwKdUniform,
        Self::Ce,
        Self::LabelSmoothing,
        Self::TfKdReg,
        Self::VanillaKd,
    ];

    /// The methods a comparison runs unless told otherwise (the controls are asked for).
    pub const DEFAULT: [Self; 6] = [
        Self::LwKd,
        Self::LwKdNoAdv,
        Self::Ce,
        Self::LabelSmoothing,
        Self::TfKdReg,
        Self::VanillaKd,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::LwKd => "lwkd",
            Self::LwKdNoAdv => "lwkd-noadv",
            Self::LwKdUntrained => "lwkd-random",
            Self::LwKdShuffled => "lwkd-shuffled",
            Self::LwKdUniform => "lwkd-uniform",
            Self::Ce => "ce",
            Self::LabelSmoothing => "ls",
            Self::TfKdReg => "tfkd",
            Self::VanillaKd => "kd",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::LwKd => "LW-KD",
            Self::LwKdNoAdv => "LW-KD without adversarial term",
            Self::LwKdUntrained => "LW-KD, untrained teacher",
            Self::LwKdShuffled => "LW-KD, shuffled teacher",
            Self::LwKdUniform => "LW-KD, uniform teacher",
            Self::Ce => "CE (hard labels)",
            Self::LabelSmoothing => "Label smoothing",
            Self::TfKdReg => "Tf-KD_reg",
            Self::VanillaKd => "Vanilla KD (heavy teacher)",
        }
    }

    /// What the method is, in one line (the table's rows carry it).
    pub fn explain(self) -> &'static str {
        match self {
            Self::LwKd => {
                "The tiny numeral teacher's softened output is each image's soft target; a discriminator pulls the student's outputs towards the teacher's."
            }
            Self::LwKdNoAdv => "LW-KD with β = 0: what the adversarial term adds.",
            Self::LwKdUntrained => {
                "Control: the same LeNet-5 with random weights stands in for the teacher — it knows nothing."
            }
            Self::LwKdShuffled => {
                "Control: the trained teacher with its classes renamed at random — what it knows no longer lines up with the target's classes."
            }
            Self::LwKdUniform => {
                "Control: a teacher that answers 1/K for every class — plain smoothing, nothing learned."
            }
            Self::Ce => "Hard labels only.",
            Self::LabelSmoothing => "Targets (1 − ε)·one-hot + ε/K: a hand-made smoothing.",
            Self::TfKdReg => {
                "A hand-made virtual teacher, the same for every image of a class (teacher-free KD)."
            }
            Self::VanillaKd => "Hinton's KD from a heavy CNN trained on the target first.",
        }
    }

    /// Learns from LW-KD's loss — soft targets at LW-KD's T and α, and β's adversarial term unless
    /// it is the ablation — with whatever stands in the teacher's place.
    pub fn lwkd_family(self) -> bool {
        matches!(
            self,
            Self::LwKd
                | Self::LwKdNoAdv
                | Self::LwKdUntrained
                | Self::LwKdShuffled
                | Self::LwKdUniform
        )
    }

    /// Has LW-KD's adversarial term (weighted by β).
    pub fn adversarial(self) -> bool {
        self.lwkd_family() && self != Self::LwKdNoAdv
    }

    /// Needs stages 1–2: the lightweight teacher, or at least its numerals and K (the untrained
    /// control).
    pub fn uses_light_teacher(self) -> bool {
        self.lwkd_family() && self != Self::LwKdUniform
    }

    pub fn uses_heavy_teacher(self) -> bool {
        self == Self::VanillaKd
    }

    /// A control of the teacher (not a method of its own).
    pub fn is_control(self) -> bool {
        matches!(
            self,
            Self::LwKdUntrained | Self::LwKdShuffled | Self::LwKdUniform
        )
    }
}
