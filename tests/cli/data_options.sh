# data: '--' ends the options; an unknown option is named as one, exit 2.
$EC data -- rubric | head -n 1 | cut -c1 | grep -q . && echo "rubric printed"
$EC data --frobnicate; echo "status $?"
$EC data -x rubric; echo "status $?"
