//! Programs in the style of the AD benchmark literature (ADBench's LSTM, a small bundle-
//! adjustment residual, a Runge–Kutta adjoint), checked against finite differences.

use ad_runtime::check::assert_gradient;
use ad_runtime::differentiable;

#[differentiable]
fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// One-layer LSTM over a sequence, hidden size `h`, input size `h`; weights flat in `w`
/// (4 gates × h × h for the input, 4 × h × h for the recurrence, 4 × h biases), loss = sum of
/// squared differences between the hidden state and the next input.
#[differentiable(wrt(w))]
fn lstm_loss(w: &[f64], seq: &[f64], h: usize, steps: usize) -> f64 {
    let mut hid = vec![0.0; h];
    let mut cell = vec![0.0; h];
    let mut gates = vec![0.0; 4 * h];
    let mut loss = 0.0;
    let hh = h * h;
    for t in 0..steps {
        for g in 0..4 * h {
            let mut z = w[8 * hh + g];
            let gate = g / h;
            let row = g % h;
            for k in 0..h {
                z += w[gate * hh + row * h + k] * seq[t * h + k];
                z += w[4 * hh + gate * hh + row * h + k] * hid[k];
            }
            gates[g] = z;
        }
        for j in 0..h {
            let i = sigmoid(gates[j]);
            let f = sigmoid(gates[h + j]);
            let o = sigmoid(gates[2 * h + j]);
            let c = gates[3 * h + j].tanh();
            cell[j] = f * cell[j] + i * c;
            hid[j] = o * cell[j].tanh();
        }
        for j in 0..h {
            let d = hid[j] - seq[(t + 1) * h + j];
            loss += d * d;
        }
    }
    loss
}

/// A bundle-adjustment style reprojection residual: rotate a point by an angle-axis rotation
/// (Rodrigues), translate, project, distort, and compare with an observation.
#[differentiable]
fn reprojection(cam: &[f64], pt: &[f64]) -> f64 {
    let theta = (cam[0] * cam[0] + cam[1] * cam[1] + cam[2] * cam[2]).sqrt();
    let (ct, st) = (theta.cos(), theta.sin());
    let (wx, wy, wz) = (cam[0] / theta, cam[1] / theta, cam[2] / theta);
    let dot = wx * pt[0] + wy * pt[1] + wz * pt[2];
    let cx = wy * pt[2] - wz * pt[1];
    let cy = wz * pt[0] - wx * pt[2];
    let cz = wx * pt[1] - wy * pt[0];
    let px = pt[0] * ct + cx * st + wx * dot * (1.0 - ct) + cam[3];
    let py = pt[1] * ct + cy * st + wy * dot * (1.0 - ct) + cam[4];
    let pz = pt[2] * ct + cz * st + wz * dot * (1.0 - ct) + cam[5];
    let (u, v) = (px / pz, py / pz);
    let r2 = u * u + v * v;
    let distort = 1.0 + cam[7] * r2 + cam[8] * r2 * r2;
    let ex = cam[6] * distort * u - 0.3;
    let ey = cam[6] * distort * v + 0.2;
    ex * ex + ey * ey
}

#[test]
fn lstm_matches_finite_differences() {
    let (h, steps) = (3, 4);
    let nw = 8 * h * h + 4 * h;
    let w: Vec<f64> = (0..nw)
        .map(|i| ((i * 37 % 17) as f64 / 17.0 - 0.5) * 0.6)
        .collect();
    let seq: Vec<f64> = (0..(steps + 1) * h)
        .map(|i| ((i * 13 % 11) as f64 / 11.0 - 0.5) * 1.5)
        .collect();
    let (v, g) = lstm_loss_grad(&w, &seq, h, steps);
    assert_eq!(v, lstm_loss(&w, &seq, h, steps));
    assert_gradient(|p| lstm_loss(p, &seq, h, steps), &w, &g, 1e-6);
}

#[test]
fn reprojection_matches_finite_differences() {
    let cam = [0.3, -0.2, 0.1, 0.5, -0.4, 4.0, 1.2, 0.01, -0.002];
    let pt = [0.7, -0.3, 1.1];
    let (v, (dc, dp)) = reprojection_grad(&cam, &pt);
    assert_eq!(v, reprojection(&cam, &pt));
    assert_gradient(|c| reprojection(c, &pt), &cam, &dc, 1e-6);
    assert_gradient(|p| reprojection(&cam, p), &pt, &dp, 1e-6);
}

/// Bundle adjustment over many observations (ADBench's BA objective, as one sum of squared
/// reprojection errors): each observation indexes its camera and point through integer
/// slices, copies them into scratch buffers (filled whole per observation, so the loop is
/// fused in `_grad`), and calls [`reprojection`] on them; a weight-regularisation loop after
/// the sum does not depend on it.
#[differentiable(wrt(cams, pts))]
fn bundle_adjustment(cams: &[f64], pts: &[f64], cam_of: &[usize], pt_of: &[usize]) -> f64 {
    let mut cam = vec![0.0; 9];
    let mut pt = vec![0.0; 3];
    let mut total = 0.0;
    for o in 0..cam_of.len() {
        for j in 0..9 {
            cam[j] = cams[cam_of[o] * 9 + j];
        }
        for j in 0..3 {
            pt[j] = pts[pt_of[o] * 3 + j];
        }
        total += reprojection(&cam, &pt);
    }
    let mut reg = 0.0;
    for i in 0..cams.len() / 9 {
        reg += cams[i * 9 + 7] * cams[i * 9 + 7];
    }
    total + 0.5 * reg
}

#[test]
fn bundle_adjustment_matches_finite_differences() {
    let base = [0.3, -0.2, 0.1, 0.5, -0.4, 4.0, 1.2, 0.01, -0.002];
    let cams: Vec<f64> = (0..3 * 9)
        .map(|i| base[i % 9] * (1.0 + 0.1 * (i / 9) as f64))
        .collect();
    let pts: Vec<f64> = (0..4 * 3)
        .map(|i| ((i * 7 % 5) as f64 / 5.0 - 0.4) * 1.3)
        .collect();
    let cam_of = [0, 1, 2, 0, 1, 2, 1];
    let pt_of = [0, 1, 2, 3, 3, 0, 2];
    let (v, (dc, dp)) = bundle_adjustment_grad(&cams, &pts, &cam_of, &pt_of);
    assert_eq!(v, bundle_adjustment(&cams, &pts, &cam_of, &pt_of));
    assert_gradient(
        |c| bundle_adjustment(c, &pts, &cam_of, &pt_of),
        &cams,
        &dc,
        1e-6,
    );
    assert_gradient(
        |p| bundle_adjustment(&cams, p, &cam_of, &pt_of),
        &pts,
        &dp,
        1e-6,
    );
    // The split reverse mode agrees (same maths, other order).
    let (pv, back) = bundle_adjustment_pullback(&cams, &pts, &cam_of, &pt_of);
    let (pc, pp, ..) = back(1.0);
    assert_eq!(v, pv);
    for (a, b) in dc.iter().chain(&dp).zip(pc.iter().chain(&pp)) {
        assert!((a - b).abs() <= 1e-12 * (1.0 + b.abs()), "{a} vs {b}");
    }
}
