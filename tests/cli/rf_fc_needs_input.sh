$EC rf conv3 fc10
