//! The own-data reader on good and bad folders and zips: classes from sub-folders, bad files and too
//! small classes left out with a note, the rest kept; clear errors when nothing usable remains.

use std::io::Write;
use std::path::Path;

use image::{GrayImage, Luma, RgbImage};
use lwkd::data::TargetKind;
use lwkd::data::own::decode::load;
use lwkd::data::own::{MAX_CLASSES, pixels::SIDE, plan};

/// A PNG of a bright square at `(x, y)` on black, `w × h` pixels.
fn png(w: u32, h: u32, x: u32, y: u32) -> Vec<u8> {
    let img = GrayImage::from_fn(w, h, |i, j| {
        Luma([
            if (x..x + w / 3).contains(&i) && (y..y + h / 3).contains(&j) {
                255
            } else {
                0
            },
        ])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("lwkd-own-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Three good classes (7, 6 and 10 images of different sizes), one class of two images, a corrupt
/// PNG, a text file, a loose file and hidden files — all inside one top folder.
fn messy_folder(root: &Path) {
    for (class, n, corner) in [("circle", 7, 0), ("square", 6, 20), ("triangle", 10, 40)] {
        for i in 0..n {
            write(
                root,
                &format!("shapes/{class}/{i:02}.png"),
                &png(60 + i * 10, 60, corner, corner),
            );
        }
    }
    write(root, "shapes/tiny/a.png", &png(30, 30, 0, 0));
    write(root, "shapes/tiny/b.png", &png(30, 30, 0, 0));
    write(
        root,
        "shapes/circle/broken.png",
        b"\x89PNG\r\n\x1a\nnot really",
    );
    write(root, "shapes/square/notes.txt", b"hello");
    write(root, "shapes/readme.md", b"loose");
    write(root, "shapes/.DS_Store", b"junk");
    write(root, "shapes/__MACOSX/circle/._00.png", b"junk");
}

fn check_messy(target: &lwkd::data::Target, notes: &[String]) {
    assert_eq!(target.kind, TargetKind::Own);
    assert_eq!(target.class_names, ["circle", "square", "triangle"]);
    // Every fifth image of a class is a test image: 7 → 6 + 1, 6 → 5 + 1, 10 → 8 + 2.
    assert_eq!(target.train.len(), 6 + 5 + 8);
    assert_eq!(target.test.len(), 1 + 1 + 2);
    assert_eq!(target.train.pixels.len(), target.train.len() * SIDE * SIDE);
    let all = notes.join(" | ");
    assert!(
        all.contains("broken.png"),
        "the corrupt file is named: {all}"
    );
    assert!(
        all.contains("“tiny” (2)"),
        "the small class is named: {all}"
    );
    assert!(all.contains("1 file that is not an image"), "{all}");
    assert!(
        all.contains("1 file left out, unreadable: shapes/circle/broken.png"),
        "{all}"
    );
    assert!(all.contains("outside any class folder"), "{all}");
    assert!(
        !all.contains("DS_Store") && !all.contains("MACOSX"),
        "hidden files are silent: {all}"
    );
}

#[test]
fn a_messy_folder_keeps_what_is_good_and_names_what_is_not() {
    let root = tempdir("folder");
    messy_folder(&root);
    let (target, notes) = load(&root).unwrap();
    check_messy(&target, &notes);
    // Images keep their content: the bright square of a "circle" image is top-left after resizing.
    let img = target.train.image(0);
    assert!(
        img[2 * SIDE + 2] > 200 && img[SIDE * SIDE - 1] < 50,
        "{:?}",
        &img[..SIDE]
    );
}

#[test]
fn the_same_folder_as_a_zip_reads_the_same() {
    let root = tempdir("zip");
    messy_folder(&root);
    let zip_path = root.join("shapes.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    let mut files: Vec<_> = walk(&root.join("shapes"));
    files.sort();
    for f in files {
        let rel = f.strip_prefix(&root).unwrap().to_string_lossy().to_string();
        zip.start_file(rel, options).unwrap();
        zip.write_all(&std::fs::read(&f).unwrap()).unwrap();
    }
    zip.finish().unwrap();
    let (target, notes) = load(&zip_path).unwrap();
    check_messy(&target, &notes);
    let (from_folder, _) = load(&root.join("shapes")).unwrap();
    assert_eq!(target.train, from_folder.train);
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p))
        } else {
            out.push(p)
        }
    }
    out
}

#[test]
fn light_backgrounds_are_inverted_like_the_datasets() {
    let root = tempdir("light");
    for class in ["a", "b"] {
        for i in 0..5 {
            // A dark dot on white paper, in colour.
            let img = RgbImage::from_fn(40, 40, |x, y| {
                if (15..25).contains(&x) && (15..25).contains(&y) {
                    image::Rgb([20, 40, 200])
                } else {
                    image::Rgb([255, 255, 255])
                }
            });
            let mut out = std::io::Cursor::new(Vec::new());
            img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
            write(&root, &format!("{class}/{i}.jpg"), &out.into_inner());
        }
    }
    let (target, _) = load(&root).unwrap();
    let img = target.train.image(0);
    assert!(img[0] < 30, "background dark: {}", img[0]);
    assert!(
        img[14 * SIDE + 14] > 150,
        "object bright: {}",
        img[14 * SIDE + 14]
    );
}

#[test]
fn unusable_choices_get_a_clear_error() {
    let one = tempdir("one");
    for i in 0..6 {
        write(&one, &format!("cats/{i}.png"), &png(28, 28, 0, 0));
    }
    // A single folder of images is taken for the chosen folder itself: its images are loose.
    let err = load(&one).unwrap_err().to_string();
    assert!(err.contains("6 loose files but no class folders"), "{err}");
    write(&one, "cats/dogs/0.png", &png(28, 28, 0, 0));
    write(&one, "cats/dogs/1.png", &png(28, 28, 0, 0));
    let err = load(&one.join("cats")).unwrap_err().to_string();
    assert!(err.contains("only one class folder (“dogs”)"), "{err}");

    let flat = tempdir("flat");
    for i in 0..6 {
        write(&flat, &format!("{i}.png"), &png(28, 28, 0, 0));
    }
    assert!(
        load(&flat)
            .unwrap_err()
            .to_string()
            .contains("no class folders")
    );
    assert!(
        load(&tempdir("empty"))
            .unwrap_err()
            .to_string()
            .contains("no class folders with images")
    );

    let bad = tempdir("bad");
    for class in ["x", "y"] {
        for i in 0..6 {
            write(&bad, &format!("{class}/{i}.png"), b"garbage");
        }
    }
    let err = load(&bad).unwrap_err().to_string();
    assert!(err.contains("fewer than 2 classes"), "{err}");

    let not_zip = tempdir("notzip").join("photos.zip");
    std::fs::write(&not_zip, b"PK\x03\x04 but truncated").unwrap();
    assert!(
        load(&not_zip)
            .unwrap_err()
            .to_string()
            .contains("not a readable .zip")
    );
}

#[test]
fn more_than_a_hundred_classes_keeps_the_first_hundred() {
    let paths: Vec<String> = (0..130)
        .flat_map(|c| (0..5).map(move |i| format!("data/c{c:03}/{i}.png")))
        .collect();
    let layout = plan(&paths).unwrap();
    assert_eq!(layout.classes.len(), MAX_CLASSES);
    assert_eq!(layout.classes[0].name, "c000");
    assert!(
        layout.notes.iter().any(|n| n.contains("130 classes found")),
        "{:?}",
        layout.notes
    );
}

/// A zip (in memory, still open for more files) of `per_class` small PNGs in each class folder.
fn zip_of_pngs(classes: &[&str], per_class: u32) -> zip::ZipWriter<std::io::Cursor<Vec<u8>>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for class in classes {
        for i in 0..per_class {
            let options = zip::write::SimpleFileOptions::default();
            zip.start_file(format!("{class}/{i}.png"), options).unwrap();
            zip.write_all(&png(28, 28, i, i)).unwrap();
        }
    }
    zip
}

/// Sets the uncompressed size that every header of `name` claims (local header and central directory).
fn claim_size(zip_bytes: &mut [u8], name: &str, size: u32) {
    let mut patched = 0;
    for at in 0..zip_bytes.len().saturating_sub(46) {
        let (sig, name_at, size_at) = match &zip_bytes[at..at + 4] {
            [0x50, 0x4b, 0x03, 0x04] => ("local", at + 30, at + 22),
            [0x50, 0x4b, 0x01, 0x02] => ("central", at + 46, at + 24),
            _ => continue,
        };
        let len_at = if sig == "local" { at + 26 } else { at + 28 };
        let len = u16::from_le_bytes([zip_bytes[len_at], zip_bytes[len_at + 1]]) as usize;
        if zip_bytes.get(name_at..name_at + len) == Some(name.as_bytes()) {
            zip_bytes[size_at..size_at + 4].copy_from_slice(&size.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "both headers of {name}");
}

#[test]
fn a_zip_that_lies_about_its_sizes_is_read_only_up_to_the_limits() {
    use lwkd::data::own::{Archive, MAX_FILE_BYTES};
    let mut zip = zip_of_pngs(&["a", "b"], 5);
    let options = zip::write::SimpleFileOptions::default();
    // 40 MB of zeros deflate to a few tens of kB; its headers will claim 1,000 bytes.
    zip.start_file("a/bomb.png", options).unwrap();
    zip.write_all(&vec![0u8; 40 << 20]).unwrap();
    let mut bytes = zip.finish().unwrap().into_inner();
    assert!(
        bytes.len() < 1 << 20,
        "the bomb is small: {} bytes",
        bytes.len()
    );
    claim_size(&mut bytes, "a/bomb.png", 1000);

    let mut archive = Archive::open(bytes.clone()).expect("a readable zip");
    let (files, _) = archive.files();
    let (mut kept, mut refused) = (0, Vec::new());
    for (name, i) in files {
        match archive.read(i) {
            Ok(data) => {
                assert!(data.len() <= MAX_FILE_BYTES, "{name} kept beyond the limit");
                kept += 1;
            }
            Err(why) => refused.push((name, why)),
        }
    }
    assert_eq!(kept, 10, "every honest image is read");
    assert_eq!(
        refused,
        vec![("a/bomb.png".to_string(), "over 25 MB".to_string())]
    );
    // Through the whole reading, the lying entry is named in the notes.
    let root = tempdir("liar");
    std::fs::write(root.join("liar.zip"), &bytes).unwrap();
    let (target, notes) = load(&root.join("liar.zip")).unwrap();
    println!("# a zip claiming 1,000 bytes for 40 MB: {notes:?}");
    assert_eq!(target.classes(), 2);
    assert!(
        notes.join(" ").contains("a/bomb.png (over 25 MB)"),
        "{notes:?}"
    );
}

#[test]
fn thousands_of_damaged_zips_never_panic() {
    use lwkd::data::own::{Archive, MAX_FILE_BYTES};
    use lwkd::data::rng::{below, data_rng};
    use rand::Rng;
    let good = zip_of_pngs(&["cats", "dogs"], 3)
        .finish()
        .unwrap()
        .into_inner();
    let mut rng = data_rng(11, 12);
    for _ in 0..3000 {
        let mut bytes = good.clone();
        // Flip, overwrite or cut: what a bad download or a hostile file does.
        for _ in 0..1 + below(&mut rng, 8) {
            let at = below(&mut rng, bytes.len());
            bytes[at] = rng.random();
        }
        if rng.random_bool(0.2) {
            bytes.truncate(below(&mut rng, bytes.len()));
        }
        if let Ok(mut archive) = Archive::open(bytes) {
            let (files, _) = archive.files();
            for (_, i) in files {
                if let Ok(data) = archive.read(i) {
                    assert!(data.len() <= MAX_FILE_BYTES);
                }
            }
        }
    }
}

#[test]
fn a_zip_whose_images_are_all_too_large_says_so() {
    // Two classes whose only images are over the per-file limit: the refusal keeps the reason.
    let root = tempdir("toolarge");
    let zip_path = root.join("big.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for class in ["a", "b"] {
        zip.start_file(format!("{class}/huge.png"), options)
            .unwrap();
        zip.write_all(&vec![0u8; (25 << 20) + 1]).unwrap();
    }
    zip.finish().unwrap();
    let err = load(&zip_path).unwrap_err().to_string();
    assert!(err.contains("fewer than 2 classes"), "{err}");
    assert!(
        err.contains("a/huge.png (over 25 MB), b/huge.png (over 25 MB)"),
        "the reason and the files are kept: {err}"
    );
}

/// A PNG that claims `w × h` pixels: a real 28 × 28 PNG with its header's size (and CRC) rewritten.
fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    let mut bytes = png(28, 28, 0, 0);
    // IHDR: length (4) + "IHDR" (4) + width, height (4 + 4) …, from byte 8; its CRC covers type + data.
    bytes[16..20].copy_from_slice(&w.to_be_bytes());
    bytes[20..24].copy_from_slice(&h.to_be_bytes());
    let crc = png_crc32(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    bytes
}

/// CRC-32 (IEEE), as PNG chunks use.
fn png_crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A fresh folder with five small PNGs in each of the class folders "a" and "b".
fn folder_of_pngs(name: &str) -> std::path::PathBuf {
    let root = tempdir(name);
    for class in ["a", "b"] {
        for i in 0..5 {
            write(&root, &format!("{class}/{i}.png"), &png(28, 28, i, i));
        }
    }
    root
}

#[test]
fn a_picture_claiming_gigapixels_is_refused_before_it_is_decoded() {
    let root = folder_of_pngs("gigapixel");
    write(&root, "a/huge.png", &png_claiming(60_000, 60_000));
    let (target, notes) = load(&root).unwrap();
    assert_eq!(target.classes(), 2, "the honest images are kept");
    let all = notes.join(" | ");
    assert!(
        all.contains("a/huge.png (60000 × 60000 pixels, too large to decode"),
        "the picture is named with its reason: {all}"
    );
}

#[test]
fn a_deeply_nested_folder_is_read_without_trouble() {
    let root = folder_of_pngs("deep");
    // 200 folders deep inside class "a": still class "a" (its top folder names it).
    let deep = (0..200)
        .map(|i| format!("d{i}"))
        .collect::<Vec<_>>()
        .join("/");
    write(&root, &format!("a/{deep}/deep.png"), &png(28, 28, 3, 3));
    let (target, _) = load(&root).unwrap();
    assert_eq!(target.class_names, vec!["a", "b"]);
    assert_eq!(target.train.len() + target.test.len(), 11);
}
