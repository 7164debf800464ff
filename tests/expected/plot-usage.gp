# hpcacct plot usage: a gnuplot script, its data inline
set terminal pngcairo size 1280,720 font 'Sans,12' background rgb 'white'
set termoption noenhanced
set output 'usage.png'
set encoding utf8
set datafile separator '\t'
set datafile commentschars ''
set datafile missing 'NaN'
set title "Core-hours per day by queue, 2026-10-01 to 2026-10-31" font ',16'
set xlabel "Day"
set ylabel "Core-hours"
set key outside right top vertical noreverse Left
set grid ytics lc rgb '#dddddd' lt 1
set border 3
set tics nomirror
set yrange [0:*]
set linetype 1 lc rgb '#4e79a7' lw 2 pt 7 ps 0.8
set linetype 2 lc rgb '#f28e2b' lw 2 pt 7 ps 0.8
set linetype 3 lc rgb '#e15759' lw 2 pt 7 ps 0.8
set linetype 4 lc rgb '#76b7b2' lw 2 pt 7 ps 0.8
set linetype 5 lc rgb '#59a14f' lw 2 pt 7 ps 0.8
set linetype 6 lc rgb '#edc948' lw 2 pt 7 ps 0.8
set linetype 7 lc rgb '#b07aa1' lw 2 pt 7 ps 0.8
set linetype 8 lc rgb '#ff9da7' lw 2 pt 7 ps 0.8
set linetype 9 lc rgb '#9c755f' lw 2 pt 7 ps 0.8
set linetype 10 lc rgb '#bab0ac' lw 2 pt 7 ps 0.8
set linetype cycle 10
set style data histograms
set style histogram rowstacked
set style fill solid 0.9 border rgb 'white'
set boxwidth 0.8 relative
set xtics rotate by -40 scale 0 nomirror
every = 1
$data << HPCACCT_END_OF_DATA
label	gpu	short
2026-10-01	0	8
2026-10-02	0	2.5
2026-10-03	0	0.008333333333
2026-10-04	44	0
2026-10-05	8	0
HPCACCT_END_OF_DATA
plot for [i=2:3] $data using i:xtic(int($0) % every == 0 ? stringcolumn(1) : '') title columnhead(i)
unset output
