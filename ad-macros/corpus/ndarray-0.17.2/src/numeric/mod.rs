mod impl_numeric;

mod impl_float_maths;
