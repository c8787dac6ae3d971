//! Which file belongs to which class: the first folder below the common root names the class.

use super::{MAX_CLASSES, MAX_PER_CLASS, MIN_CLASSES, OwnImagesError};

/// Image files by extension; anything else (notes, thumbnails databases) is skipped with a note.
const IMAGE_EXTENSIONS: [&str; 7] = ["png", "jpg", "jpeg", "gif", "bmp", "webp", "avif"];

#[derive(Debug, Clone, PartialEq)]
pub struct ClassFiles {
    pub name: String,
    /// Indices into the paths given to [`plan`], in name order.
    pub files: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Sorted by name; at most [`MAX_CLASSES`].
    pub classes: Vec<ClassFiles>,
    /// What was left out and why, for the page.
    pub notes: Vec<String>,
}

fn is_hidden(part: &str) -> bool {
    part.starts_with('.') || part == "__MACOSX" || part.eq_ignore_ascii_case("thumbs.db")
}

fn is_image(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| IMAGE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

fn plural(n: usize, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

/// How many leading folders every visible file shares (the chosen folder, a zip's top folder).
fn shared_depth(parts: &[Vec<&str>], visible: &[usize]) -> usize {
    let mut depth = 0;
    loop {
        let first = visible.first().and_then(|&i| parts[i].get(depth));
        let shared = first.is_some()
            && visible
                .iter()
                .all(|&i| parts[i].len() > depth + 1 && parts[i].get(depth) == first);
        if !shared {
            return depth;
        }
        depth += 1;
    }
}

/// Sorts `paths` ('/'-separated, relative to what the person chose) into classes. A single top folder
/// (the folder itself, or a zip of it) is looked through. Errors when fewer than two classes remain.
pub fn plan(paths: &[String]) -> Result<Layout, OwnImagesError> {
    let parts: Vec<Vec<&str>> = paths
        .iter()
        .map(|p| p.split(['/', '\\']).filter(|s| !s.is_empty()).collect())
        .collect();
    let visible: Vec<usize> = (0..paths.len())
        .filter(|&i| !parts[i].iter().any(|s| is_hidden(s)))
        .collect();
    let depth = shared_depth(&parts, &visible);
    let mut notes = Vec::new();
    let mut loose = 0;
    let mut not_images = 0;
    let mut classes: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
    for &i in &visible {
        let p = &parts[i][depth..];
        match p {
            [class, .., file] if p.len() >= 2 => {
                if is_image(file) {
                    classes.entry(class.to_string()).or_default().push(i);
                } else {
                    not_images += 1;
                }
            }
            _ => loose += 1,
        }
    }
    if loose > 0 {
        notes.push(format!(
            "{} outside any class folder left out (put each class in its own folder)",
            plural(loose, "file")
        ));
    }
    if not_images > 0 {
        notes.push(match not_images {
            1 => "1 file that is not an image (by its extension) left out".to_string(),
            n => format!("{n} files that are not images (by their extension) left out"),
        });
    }
    let mut classes: Vec<ClassFiles> = classes
        .into_iter()
        .map(|(name, mut files)| {
            files.sort_by(|&a, &b| paths[a].cmp(&paths[b]));
            if files.len() > MAX_PER_CLASS {
                notes.push(format!(
                    "class “{name}”: only the first {MAX_PER_CLASS} of {} images are used",
                    files.len()
                ));
                files.truncate(MAX_PER_CLASS);
            }
            ClassFiles { name, files }
        })
        .collect();
    if classes.len() > MAX_CLASSES {
        notes.push(format!(
            "{} classes found; the app takes at most {MAX_CLASSES}, so the first {MAX_CLASSES} by name are used",
            classes.len()
        ));
        classes.truncate(MAX_CLASSES);
    }
    if classes.len() < MIN_CLASSES {
        let found = match classes.first() {
            Some(c) => format!("only one class folder (“{}”)", c.name),
            None if loose > 0 => format!("{} but no class folders", plural(loose, "loose file")),
            None => "no class folders with images".to_string(),
        };
        return Err(OwnImagesError::NoClasses { found, notes });
    }
    Ok(Layout { classes, notes })
}
