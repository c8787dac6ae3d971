//! The shareable link: every valid config survives the round trip through the URL, and any bad link
//! gives defaults plus a message per problem — never a panic.

use lwkd::data::{
    TargetKind,
    rng::{below, data_rng},
};
use lwkd::distill::{AdvScale, TeacherInput};
use lwkd::model::StudentKind;
use lwkd::pipeline::{
    BackendPreference, Config, Teachers,
    url::{from_query, to_query},
};
use lwkd::protocol::Method;
use rand::Rng;

fn random_config(rng: &mut lwkd::data::rng::DataRng) -> Config {
    let mut methods: Vec<Method> = Method::ALL
        .into_iter()
        .filter(|_| rng.random_bool(0.5))
        .collect();
    // Order matters (it is the run order), so shuffle it.
    lwkd::data::rng::shuffle(rng, &mut methods);
    Config {
        classes: 2 + below(rng, 99),
        per_class: 10 + below(rng, 1990),
        val_per_class: 10 + below(rng, 991),
        seed: rng.random(),
        teacher_epochs: 1 + below(rng, 50),
        batch_size: 1 + below(rng, 1024),
        lr: rng.random_range(1e-6..1.0),
        backend: BackendPreference::ALL[below(rng, 3)],
        target: TargetKind::ALL[below(rng, 2)],
        student: StudentKind::ALL[below(rng, 2)],
        teacher_input: TeacherInput::ALL[below(rng, 3)],
        distill_epochs: 1 + below(rng, 50),
        train_per_class: 10 + below(rng, 991),
        temperature: rng.random_range(0.5..100.0),
        alpha: rng.random_range(0.0..=1.0),
        beta: rng.random_range(0.0..10.0),
        adv_scale: AdvScale::ALL[below(rng, 2)],
        smoothing: rng.random_range(0.0..0.99),
        tfkd_a: rng.random_range(0.5..=1.0),
        tfkd_temperature: rng.random_range(0.5..100.0),
        tfkd_alpha: rng.random_range(0.0..=1.0),
        kd_temperature: rng.random_range(0.5..100.0),
        kd_alpha: rng.random_range(0.0..=1.0),
        heavy_epochs: 1 + below(rng, 50),
        label_noise: rng.random_range(0.0..0.8),
        seeds: 1 + below(rng, 5),
        teachers: Teachers::ALL[below(rng, 2)],
        methods,
    }
}

#[test]
fn every_valid_config_round_trips() {
    let mut rng = data_rng(7, 99);
    let mut tried = 0;
    while tried < 2000 {
        let c = random_config(&mut rng);
        if !c.validate().is_empty() {
            continue;
        }
        tried += 1;
        let q = to_query(&c);
        let (back, problems) = from_query(&q);
        assert!(problems.is_empty(), "{q}: {problems:?}");
        assert_eq!(back, c, "{q}");
    }
}

#[test]
fn defaults_give_an_empty_query_and_links_stay_short_and_readable() {
    assert_eq!(to_query(&Config::default()), "");
    let c = Config {
        classes: 100,
        temperature: 3.0,
        methods: vec![Method::LwKd, Method::Ce],
        ..Config::default()
    };
    assert_eq!(to_query(&c), "k=100&t=3&m=lwkd,ce");
    assert_eq!(from_query("?k=100&t=3&m=lwkd,ce").0, c);
}

#[test]
fn bad_links_give_defaults_and_a_message_each() {
    let cases: &[(&str, &str)] = &[
        ("k=abc", "k: “abc” is not a whole number"),
        ("k=10000", "k: must be between 2 and 100"),
        ("k=-3", "k: “-3” is not a whole number"),
        ("k=１０", "is not a whole number"),
        ("bs=0", "bs: must be between 1 and 1024"),
        ("lr=NaN", "lr: must be a number in (0, 1]"),
        ("lr=-1", "lr: must be a number in (0, 1]"),
        ("t=inf", "t: must be between 0.5 and 100"),
        ("a=1.5", "a: must be between 0 and 1"),
        ("n=1000000000", "n: must be between 10 and 5000"),
        ("tg=cifar", "tg: “cifar” is not one of fashion, mnist"),
        ("m=lwkd,bogus", "m: “bogus” is not one of"),
        ("be=tpu", "be: “tpu” is not one of auto, webgpu, cpu"),
        ("zzz=1", "unknown parameter “zzz” ignored"),
        (
            "seed=18446744073709551616",
            "seed: “18446744073709551616” is not a seed",
        ),
    ];
    for (q, want) in cases {
        let (c, problems) = from_query(q);
        assert!(
            problems.iter().any(|p| p.to_string().contains(want)),
            "{q}: {problems:?}"
        );
        assert!(c.validate().is_empty(), "{q} gave an invalid config");
        // The bad parameter fell back to its default; nothing else changed.
        assert_eq!(c, Config::default(), "{q}");
    }
    // Good parameters beside bad ones are kept.
    let (c, problems) = from_query("k=12&lr=oops&t=3");
    assert_eq!((c.classes, c.temperature), (12, 3.0));
    assert_eq!(c.lr, Config::default().lr);
    assert_eq!(problems.len(), 1);
    // Garbage never panics.
    for q in [
        "%",
        "%ZZ",
        "&&&",
        "==",
        "k",
        "k=",
        "?=?",
        "m=,,,",
        "\u{0}=\u{0}",
    ] {
        let (c, _) = from_query(q);
        assert!(c.validate().is_empty(), "{q}");
    }
}

#[test]
fn the_view_round_trips_and_bad_view_options_are_reported() {
    use lwkd::pipeline::view::ViewOptions;
    let v = ViewOptions {
        embed: true,
        stages: vec![2, 3],
        hide: vec!["seed".into(), "methods".into()],
        autoplay: true,
        recording: Some("runs/quick look.json".into()),
    };
    let q = v.to_query();
    assert_eq!(
        q,
        "embed=1&stages=2,3&hide=seed,methods&autoplay=1&rec=runs/quick+look.json"
    );
    assert_eq!(ViewOptions::from_query(&q), (v, Vec::new()));
    // The view's keys are not "unknown parameters" of the settings, and vice versa.
    assert!(from_query(&q).1.is_empty());
    assert_eq!(ViewOptions::from_query("k=12").0, ViewOptions::default());
    for (q, want) in [
        ("embed=yes", "embed: “yes” is not 1 or 0"),
        ("stages=4", "stages: “4” is not a list"),
        ("stages=", "stages: “” is not a list"),
        ("hide=seed,bogus", "hide: “bogus” is not a control"),
        ("autoplay=2", "autoplay: “2” is not 1 or 0"),
        (
            "rec=https://example.com/run.json",
            "rec: “https://example.com/run.json” is not a .json file on this site",
        ),
        (
            "rec=//example.com/run.json",
            "is not a .json file on this site",
        ),
        (
            "rec=javascript:alert(1)//.json",
            "is not a .json file on this site",
        ),
        ("rec=runs/quick.csv", "is not a .json file on this site"),
        ("rec=", "is not a .json file on this site"),
    ] {
        let (v, problems) = ViewOptions::from_query(q);
        assert!(
            problems.iter().any(|p| p.to_string().contains(want)),
            "{q}: {problems:?}"
        );
        if q.starts_with("hide") {
            assert_eq!(v.hide, vec!["seed".to_string()], "the good part is kept");
        }
    }
}

#[test]
fn hidden_stages_that_shown_ones_need_run_by_themselves() {
    use lwkd::pipeline::view::ViewOptions;
    let view = |q: &str| ViewOptions::from_query(q).0;
    assert_eq!(
        view("").runs_by_itself(),
        0,
        "the full page waits for clicks"
    );
    assert_eq!(
        view("embed=1&stages=2,3").runs_by_itself(),
        1,
        "synthesize for the teacher"
    );
    assert_eq!(
        view("embed=1&stages=3").runs_by_itself(),
        2,
        "and train the teacher"
    );
    assert_eq!(view("stages=1,3").runs_by_itself(), 2);
    assert_eq!(view("stages=1").runs_by_itself(), 0);
    assert_eq!(view("autoplay=1").runs_by_itself(), 3);
    assert_eq!(view("autoplay=1&stages=1,2").runs_by_itself(), 2);
    assert_eq!(
        view("embed=1&stages=3&autoplay=1&rec=runs/quick.json").runs_by_itself(),
        0,
        "a recorded run trains nothing until the reader asks"
    );
}

#[test]
fn own_images_never_travel_in_a_link() {
    let c = Config {
        target: TargetKind::Own,
        classes: 3,
        seed: 7,
        ..Config::default()
    };
    let q = to_query(&c);
    assert_eq!(q, "seed=7", "only the shareable settings: {q}");
    let (back, problems) = from_query("tg=own&k=3");
    assert_eq!(back.target, TargetKind::Fashion);
    assert_eq!(back.classes, 3);
    assert!(
        problems.iter().any(|p| p.to_string().starts_with("tg:")),
        "{problems:?}"
    );
}

#[test]
fn thousands_of_random_links_never_panic_and_always_give_a_valid_config() {
    let mut rng = data_rng(5, 77);
    let alphabet: Vec<char> = "km=&,?%0123456789.-eE+abcdefnstlrvwx \u{0}\u{ff}€　ZZ"
        .chars()
        .collect();
    for _ in 0..5000 {
        let len = below(&mut rng, 60);
        let q: String = (0..len)
            .map(|_| alphabet[below(&mut rng, alphabet.len())])
            .collect();
        let (c, problems) = from_query(&q);
        assert!(c.validate().is_empty(), "{q:?}");
        // Every problem is worded (no empty message).
        assert!(problems.iter().all(|p| !p.to_string().is_empty()), "{q:?}");
        let (_, _) = lwkd::pipeline::view::ViewOptions::from_query(&q);
    }
}

#[test]
fn a_repeated_key_is_read_once_and_an_empty_method_list_is_a_mistake() {
    let (c, problems) = from_query("k=12&t=3&k=20");
    assert_eq!((c.classes, c.temperature), (20, 3.0), "the last k counts");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .to_string()
            .contains("k is given 2 times; the last valid value counts")
    );
    // A bad repeat never drops a good value.
    for q in ["k=12&k=abc", "k=12&k=500", "k=abc&k=12"] {
        let (c, problems) = from_query(q);
        assert_eq!(c.classes, 12, "{q}");
        assert!(
            problems.iter().any(|p| p
                .to_string()
                .contains("the other value given for it is used")),
            "{q}: {problems:?}"
        );
    }

    let (c, problems) = from_query("m=");
    assert_eq!(c.methods, Config::default().methods);
    assert!(
        problems[0]
            .to_string()
            .starts_with("m: “” is not a list of lwkd"),
        "{problems:?}"
    );
    // No method at all is said in words, and survives the round trip.
    let none = Config {
        methods: Vec::new(),
        ..Config::default()
    };
    assert_eq!(to_query(&none), "m=none");
    assert_eq!(from_query("m=none"), (none, Vec::new()));
}
