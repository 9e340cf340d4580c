__bench.start('baseline.js', false);
