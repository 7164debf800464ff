# hpcacct plot wait: a gnuplot script, its data inline
set terminal svg size 1280,720 font 'Sans,12' background rgb 'white'
set termoption noenhanced
set output 'wait.svg'
set encoding utf8
set datafile separator '\t'
set datafile commentschars ''
set datafile missing 'NaN'
set title "Wait-time distribution per queue, 2026-10-01 to 2026-10-31" font ',16'
set xlabel "Queue"
set ylabel "Wait (hours)"
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
set style fill solid 0.6 border -1
set boxwidth 0.5
set offsets 0.5, 0.5, 0, 0
set key below horizontal
set xtics rotate by -40 scale 0 nomirror
every = 1
$data << HPCACCT_END_OF_DATA
label	25th to 75th percentile, whiskers to the least wait and the 95th percentile	_	_	_	median
gpu	2	2	2	2	2
short	0	0	0.5	0.5	0.1666666667
HPCACCT_END_OF_DATA
plot $data using 0:2:3:4:5:xtic(int($0) % every == 0 ? stringcolumn(1) : '') with candlesticks whiskerbars 0.5 lt 1 title "25th to 75th percentile, whiskers to the least wait and the 95th percentile", \
     '' using 0:6:6:6:6 with candlesticks lt -1 lw 2 title "median"
unset output
