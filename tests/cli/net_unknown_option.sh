$EC net --width 3 'INPUT 3x4x4'
