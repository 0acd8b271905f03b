$EC net --format json 'INPUT 3x4x4'
