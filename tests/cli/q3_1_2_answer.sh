# Conv output [2.5 -1.5; 2.25 -0.75]; the max 2.5 routes the gradient to K at window (0,0): X(1,0) gets K(1,0) = -1/4
$EC q3.1.2 | grep -E '^Answer:|scalar output|gradient (is|at)'
