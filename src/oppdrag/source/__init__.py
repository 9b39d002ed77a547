"""Reading proposal files: bytes to text, text to YAML data, data paths to positions."""
