//! Whether a comparison can start at all: asked by the page's pool before it splits a comparison and
//! by the session before it runs one, so both refuse with the same words.

use super::Method;
use crate::data::Target;

/// Why a comparison cannot start, given the classes of the lightweight teacher (if any). The page's
/// pool asks this before it splits a comparison, the session before it runs one.
pub fn check(
    methods: &[Method],
    target: &Target,
    teacher_classes: Option<usize>,
) -> Result<(), String> {
    if methods.is_empty() {
        return Err("tick at least one method".into());
    }
    if methods.iter().any(|m| m.uses_light_teacher()) {
        match teacher_classes {
            None => {
                return Err("LW-KD needs the lightweight teacher: train it in step 2 first".into());
            }
            Some(classes) if classes != target.classes() => {
                return Err(format!(
                    "the teacher knows {} classes but {} has {}: synthesize K = {} and retrain the teacher",
                    classes,
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
