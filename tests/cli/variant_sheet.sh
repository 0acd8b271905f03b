# The question sheet of variant 7, in text and in Markdown.
$EC variant --seed 7
echo ----
$EC variant --seed 7 --format md | sed -n '1,3p;/^## 2 /p;/^### 2.8/,/^### 2.9/p'
