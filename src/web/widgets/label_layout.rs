//! Where the names go beside the points of a chart so that none overlaps another or covers a point:
//! beside its point where there is room (on the side away from the frame's edge), else on the nearest
//! free row above or below it, which the chart joins to its point with a leader line.

/// A box in a chart's pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }

    fn inside(&self, area: &Rect) -> bool {
        self.x >= area.x
            && self.y >= area.y
            && self.x + self.w <= area.x + area.w
            && self.y + self.h <= area.y + area.h
    }

    /// The box's vertical middle.
    pub fn middle(&self) -> f64 {
        self.y + self.h / 2.0
    }
}

/// Rows tried above and below a point, each way.
const ROWS: usize = 12;

/// Each label's box: `size[i]` (width, height) for the point at `at[i]` (its pixel centre), inside
/// `area`, clear of every point's marker (a square of half-side `r`) and of the labels placed before
/// it, `gap` from its marker. Points are taken top to bottom; a label with no free place takes the
/// place where it overlaps least.
pub fn place(at: &[(f64, f64)], size: &[(f64, f64)], area: Rect, r: f64, gap: f64) -> Vec<Rect> {
    let markers: Vec<Rect> = at
        .iter()
        .map(|&(x, y)| Rect {
            x: x - r,
            y: y - r,
            w: 2.0 * r,
            h: 2.0 * r,
        })
        .collect();
    let mut order: Vec<usize> = (0..at.len()).collect();
    order.sort_by(|&a, &b| at[a].1.total_cmp(&at[b].1));
    let mut placed: Vec<Option<Rect>> = vec![None; at.len()];
    for i in order {
        let ((x, y), (w, h)) = (at[i], size[i]);
        // Away from the edge it is nearer to: a name on the right half goes on its point's left.
        let left_first = x > area.x + area.w / 2.0;
        let side = |left: bool, dy: f64| Rect {
            x: if left { x - r - gap - w } else { x + r + gap },
            y: y + dy - h / 2.0,
            w,
            h,
        };
        let candidates = (0..=2 * ROWS).flat_map(|k| {
            // 0, −1, +1, −2, +2, … rows.
            let row = if k % 2 == 1 {
                -(k.div_ceil(2) as f64)
            } else {
                (k / 2) as f64
            };
            let dy = row * (h + 2.0);
            [side(left_first, dy), side(!left_first, dy)]
        });
        let clashes = |c: &Rect| {
            let labels = placed.iter().flatten().filter(|p| p.overlaps(c)).count();
            let points = markers.iter().filter(|m| m.overlaps(c)).count();
            labels + points
        };
        let inside: Vec<Rect> = candidates.filter(|c| c.inside(&area)).collect();
        let best = inside
            .iter()
            .find(|c| clashes(c) == 0)
            .or_else(|| inside.iter().min_by_key(|c| clashes(c)))
            .copied()
            .unwrap_or_else(|| side(left_first, 0.0));
        placed[i] = Some(best);
    }
    placed.into_iter().flatten().collect()
}
