__bench.start('widget.js', true);
